/**
 * Unit tests of the retail tools: calculate against CPython, lookups, error paths (with the state
 * changes the reference keeps when a tool fails part-way), and random call sequences whose outcomes
 * were recorded from the reference tools (fixtures/reference-sequences.json).
 */
import { readFileSync } from 'node:fs';
import type { ToolResult } from '@envscaler/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalDigest } from '../src/digest.js';
import { Tau2Retail, type GiftCard, type Order, type Product, type State, type Variant } from '../env.js';
import { replayInProcess, WorldFactory, type ToolCall } from '../src/replay.js';

const dbText = readFileSync(new URL('../data/db.json', import.meta.url), 'utf8');
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;

function ok<T>(result: ToolResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

function failure(result: ToolResult): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.data).slice(0, 200)}`);
  return result.error;
}

let state: State;
let env: Tau2Retail;
beforeEach(() => {
  state = JSON.parse(dbText) as State;
  env = new Tau2Retail(state);
});

const order = (id: string): Order => state.orders[id] as Order;
const giftCard = (userId: string, id: string): GiftCard =>
  state.users[userId]?.payment_methods[id] as GiftCard;
/** Available variants of a product other than `exceptItemId`. */
const otherVariants = (productId: string, exceptItemId: string): Variant[] =>
  Object.values((state.products[productId] as Product).variants).filter(
    (variant) => variant.available && variant.item_id !== exceptItemId,
  );

describe('calculate', () => {
  const calc = (expression: string) => env.calculate({ expression });

  it('evaluates and rounds like the reference', () => {
    const cases: [string, string][] = [
      ['2 + 2', '4.0'],
      ['3131.1 + 4777.75 + 367.38', '8276.23'],
      ['155.33 - 147.05 + 268.77 - 235.13', '41.92'],
      ['135.24 - 153.23', '-17.99'],
      ['10 / 4', '2.5'],
      ['7 // 2', '3.0'],
      ['-7 // 2', '-4.0'],
      ['2 ** 10', '1024.0'],
      ['(1 + 2) * 3', '9.0'],
      ['0.1 + 0.2', '0.3'],
      ['2.675 * 1', '2.67'], // 2.675 is slightly below 2.675 in binary
      ['0.125', '0.12'], // an exact tie goes to the even digit
      ['0.375', '0.38'],
      ['10 ** 16', '1e+16'],
    ];
    for (const [expression, expected] of cases) expect(ok(calc(expression)), expression).toBe(expected);
  });

  it('rejects characters outside digits, + - * / ( ) . and space', () => {
    for (const expression of ['abc', '1 % 2', '1e5', '2^3', '1,5', '1\t+ 1', '__import__("os")']) {
      expect(failure(calc(expression))).toEqual({
        code: 'INVALID_EXPRESSION',
        message: 'Invalid characters in expression',
      });
    }
  });

  it('reports division by zero with Python’s messages', () => {
    expect(failure(calc('1 / 0'))).toEqual({ code: 'DIVISION_BY_ZERO', message: 'division by zero' });
    expect(failure(calc('1.5 / 0'))).toEqual({ code: 'DIVISION_BY_ZERO', message: 'float division by zero' });
    expect(failure(calc('1 // 0')).message).toBe('integer division or modulo by zero');
    expect(failure(calc('1.0 // 0')).message).toBe('float floor division by zero');
    expect(failure(calc('0 ** -1')).message).toBe('0.0 cannot be raised to a negative power');
  });

  it('reports syntax errors with Python’s messages', () => {
    expect(failure(calc(''))).toEqual({
      code: 'INVALID_EXPRESSION',
      message: 'invalid syntax (<string>, line 0)',
    });
    expect(failure(calc('1 +')).message).toBe('invalid syntax (<string>, line 1)');
    expect(failure(calc('(1 + 2')).message).toBe("'(' was never closed (<string>, line 1)");
    expect(failure(calc('1 + 2)')).message).toBe("unmatched ')' (<string>, line 1)");
    expect(failure(calc('(1 2)')).message).toBe(
      'invalid syntax. Perhaps you forgot a comma? (<string>, line 1)',
    );
    expect(failure(calc('012')).message).toBe(
      'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)',
    );
  });

  it('reports the type and overflow errors Python raises', () => {
    expect(failure(calc('(-8) ** 0.5'))).toEqual({
      code: 'TYPE_ERROR',
      message: "float() argument must be a string or a real number, not 'complex'",
    });
    expect(failure(calc('2 (3)')).message).toBe("'int' object is not callable");
    expect(failure(calc('()')).message).toBe(
      "float() argument must be a string or a real number, not 'tuple'",
    );
    expect(failure(calc('10 ** 400 + 0.5'))).toEqual({
      code: 'OVERFLOW',
      message: 'int too large to convert to float',
    });
  });

  it('gives up quickly on integers no float could hold instead of computing them', () => {
    const started = performance.now();
    expect(failure(calc('9 ** 9 ** 9')).code).toBe('OVERFLOW');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('agrees with CPython 3.12 on every recorded case', () => {
    const { cases } = fixture<{
      python: string;
      cases: { expression: string; ok: boolean; result?: string; error?: string }[];
    }>('calculate-cases.json');
    expect(cases.length).toBeGreaterThan(500);
    const mismatches = cases.flatMap((c) => {
      const result = calc(c.expression);
      const got = result.ok ? `= ${result.data}` : `! ${result.error.message}`;
      const want = c.ok ? `= ${c.result}` : `! ${c.error}`;
      return got === want ? [] : [{ expression: c.expression, got, want }];
    });
    expect(mismatches).toEqual([]);
  });
});

describe('lookups', () => {
  it('finds users by name (case-insensitive) and zip, or by email (case-insensitive)', () => {
    expect(ok(env.find_user_id_by_name_zip({ first_name: 'yusuf', last_name: 'ROSSI', zip: '19122' }))).toBe(
      'yusuf_rossi_9620',
    );
    expect(
      failure(env.find_user_id_by_name_zip({ first_name: 'Yusuf', last_name: 'Rossi', zip: '19123' })),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'User not found',
    });
    expect(ok(env.find_user_id_by_email({ email: 'YUSUF.ROSSI7301@example.com' }))).toBe('yusuf_rossi_9620');
    expect(failure(env.find_user_id_by_email({ email: 'nobody@example.com' })).message).toBe(
      'User not found',
    );
  });

  it('reports an order with every optional field, null when unset, as a detached copy', () => {
    const details = ok(env.get_order_details({ order_id: '#W2378156' }));
    expect(details.cancel_reason).toBeNull();
    expect(details.return_items).toBeNull();
    expect(Object.keys(details)).toHaveLength(14);
    details.items.length = 0;
    expect(order('#W2378156').items).toHaveLength(5);
    expect('cancel_reason' in order('#W2378156')).toBe(false);
  });

  it('treats ids as exact keys, never as inherited properties', () => {
    expect(failure(env.get_order_details({ order_id: 'constructor' })).message).toBe('Order not found');
    expect(failure(env.get_order_details({ order_id: 'W2378156' })).message).toBe('Order not found');
    expect(failure(env.get_user_details({ user_id: 'hasOwnProperty' })).message).toBe('User not found');
    expect(failure(env.get_product_details({ product_id: 'toString' })).message).toBe('Product not found');
    expect(failure(env.get_item_details({ item_id: '__proto__' })).message).toBe('Item not found');
  });

  it('tells products and items apart', () => {
    expect(ok(env.get_product_details({ product_id: '9523456873' })).name).toBe('T-Shirt');
    // The example id from the reference's docstrings is not a product (gold task 2 hits this).
    expect(failure(env.get_product_details({ product_id: '6086499569' })).message).toBe('Product not found');
    expect(ok(env.get_item_details({ item_id: '4202497723' })).price).toBe(342.81);
  });

  it('lists product types as Python’s json.dumps(..., sort_keys=True) text', () => {
    const text = ok(env.list_all_product_types());
    const listed = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(listed)).toHaveLength(50);
    expect(Object.keys(listed)).toEqual(Object.keys(listed).sort());
    expect(listed['T-Shirt']).toBe('9523456873');
    expect(text).toMatch(/^\{"Action Camera": "\d{10}", "Air Purifier": /);
  });

  it('transfers to a human agent', () => {
    expect(ok(env.transfer_to_human_agents({ summary: 'wants a person' }))).toBe('Transfer successful');
  });
});

describe('cancel_pending_order', () => {
  it('refunds a gift card at once and records the refund', () => {
    const card = giftCard('ethan_lopez_6291', 'gift_card_7219486');
    expect(card.balance).toBe(49);
    const result = ok(env.cancel_pending_order({ order_id: '#W6779827', reason: 'no longer needed' }));
    expect(result.status).toBe('cancelled');
    expect(result.cancel_reason).toBe('no longer needed');
    expect(card.balance).toBe(4128.45);
    expect(order('#W6779827').payment_history).toEqual([
      { transaction_type: 'payment', amount: 4079.45, payment_method_id: 'gift_card_7219486' },
      { transaction_type: 'refund', amount: 4079.45, payment_method_id: 'gift_card_7219486' },
    ]);
  });

  it('refuses a non-pending order and an unknown reason, changing nothing', () => {
    const before = canonicalDigest(state);
    expect(failure(env.cancel_pending_order({ order_id: '#W2378156', reason: 'no longer needed' }))).toEqual({
      code: 'INVALID_STATUS',
      message: 'Non-pending order cannot be cancelled',
    });
    expect(failure(env.cancel_pending_order({ order_id: '#W6779827', reason: 'too slow' })).message).toBe(
      'Invalid reason',
    );
    expect(canonicalDigest(state)).toBe(before);
  });
});

describe('modify_pending_order_items', () => {
  const orderId = '#W8367380'; // pending, paid by credit_card_5683823; first two items of different products
  const setup = () => {
    const [first, second] = order(orderId).items as [Order['items'][0], Order['items'][0]];
    const a = otherVariants(first.product_id, first.item_id)[0] as Variant;
    const b = otherVariants(second.product_id, second.item_id)[0] as Variant;
    return { first, second, a, b };
  };

  it('prices and describes every changed item with the last new variant, as the reference does', () => {
    const { first, second, a, b } = setup();
    const oldFirst = first.price;
    const oldSecond = second.price;
    ok(
      env.modify_pending_order_items({
        order_id: orderId,
        item_ids: [first.item_id, second.item_id],
        new_item_ids: [a.item_id, b.item_id],
        payment_method_id: 'credit_card_5683823',
      }),
    );
    const [x, y] = order(orderId).items as [Order['items'][0], Order['items'][0]];
    expect([x.item_id, y.item_id]).toEqual([a.item_id, b.item_id]);
    expect([x.price, y.price]).toEqual([b.price, b.price]);
    expect([x.options, y.options]).toEqual([b.options, b.options]);
    expect(order(orderId).status).toBe('pending (item modified)');
    const difference = a.price - oldFirst + (b.price - oldSecond);
    expect(order(orderId).payment_history[1]).toEqual({
      transaction_type: difference > 0 ? 'payment' : 'refund',
      amount: Math.abs(difference),
      payment_method_id: 'credit_card_5683823',
    });
  });

  it('works once: then items are frozen, but address and payment can still change', () => {
    const { first, a } = setup();
    const args = { order_id: orderId, item_ids: [first.item_id], new_item_ids: [a.item_id] };
    ok(env.modify_pending_order_items({ ...args, payment_method_id: 'credit_card_5683823' }));
    const again = { ...args, item_ids: [a.item_id], new_item_ids: [first.item_id] };
    expect(
      failure(env.modify_pending_order_items({ ...again, payment_method_id: 'credit_card_5683823' })),
    ).toEqual({
      code: 'INVALID_STATUS',
      message: 'Non-pending order cannot be modified',
    });
    expect(
      failure(env.cancel_pending_order({ order_id: orderId, reason: 'ordered by mistake' })).message,
    ).toBe('Non-pending order cannot be cancelled');
    const address = {
      address1: '1 Main St',
      address2: '',
      city: 'Austin',
      state: 'TX',
      country: 'USA',
      zip: '73301',
    };
    expect(ok(env.modify_pending_order_address({ order_id: orderId, ...address })).address).toEqual(address);
  });

  it('needs a gift card to cover a positive difference, and then debits it', () => {
    const { first, a } = setup();
    const pricier = otherVariants(first.product_id, first.item_id).find((v) => v.price > first.price) ?? a;
    const difference = pricier.price - first.price;
    expect(difference).toBeGreaterThan(0);
    const card = giftCard('ava_nguyen_6646', 'gift_card_1994993');
    const call = () =>
      env.modify_pending_order_items({
        order_id: orderId,
        item_ids: [first.item_id],
        new_item_ids: [pricier.item_id],
        payment_method_id: 'gift_card_1994993',
      });
    card.balance = Math.floor(difference / 2);
    const before = canonicalDigest(state);
    expect(failure(call())).toEqual({
      code: 'INSUFFICIENT_BALANCE',
      message: 'Insufficient gift card balance to pay for the new item',
    });
    expect(canonicalDigest(state)).toBe(before);
    card.balance = 5000;
    ok(call());
    expect(card.balance).toBe(Math.round((5000 - difference) * 100) / 100);
  });

  it('checks the item lists', () => {
    const { first, second, a } = setup();
    const base = { order_id: orderId, payment_method_id: 'credit_card_5683823' };
    expect(
      failure(env.modify_pending_order_items({ ...base, item_ids: ['123'], new_item_ids: ['456'] })).message,
    ).toBe('123 not found');
    expect(
      failure(env.modify_pending_order_items({ ...base, item_ids: [first.item_id], new_item_ids: [] }))
        .message,
    ).toBe('The number of items to be exchanged should match');
    expect(
      failure(
        env.modify_pending_order_items({ ...base, item_ids: [first.item_id], new_item_ids: [first.item_id] }),
      ).message,
    ).toBe('The new item id should be different from the old item id');
    expect(
      failure(
        env.modify_pending_order_items({ ...base, item_ids: [second.item_id], new_item_ids: [a.item_id] }),
      ).message,
    ).toBe('Variant not found');
  });
});

describe('modify_pending_order_payment', () => {
  const orderId = '#W8367380';
  const userId = 'ava_nguyen_6646';

  it('charges the new method, refunds the old one, and debits a gift card', () => {
    giftCard(userId, 'gift_card_1994993').balance = 2000;
    ok(env.modify_pending_order_payment({ order_id: orderId, payment_method_id: 'gift_card_1994993' }));
    expect(order(orderId).payment_history).toEqual([
      { transaction_type: 'payment', amount: 1003.22, payment_method_id: 'credit_card_5683823' },
      { transaction_type: 'payment', amount: 1003.22, payment_method_id: 'gift_card_1994993' },
      { transaction_type: 'refund', amount: 1003.22, payment_method_id: 'credit_card_5683823' },
    ]);
    expect(giftCard(userId, 'gift_card_1994993').balance).toBe(996.78);
    expect(
      failure(
        env.modify_pending_order_payment({ order_id: orderId, payment_method_id: 'credit_card_5683823' }),
      ).message,
    ).toBe('There should be exactly one payment for a pending order');
  });

  it('refuses the same method and a gift card that cannot cover the order', () => {
    expect(
      failure(
        env.modify_pending_order_payment({ order_id: orderId, payment_method_id: 'credit_card_5683823' }),
      ).message,
    ).toBe('The new payment method should be different from the current one');
    expect(
      failure(
        env.modify_pending_order_payment({ order_id: orderId, payment_method_id: 'gift_card_1994993' }),
      ),
    ).toEqual({
      code: 'INSUFFICIENT_BALANCE',
      message: 'Insufficient gift card balance to pay for the order',
    });
  });

  it('keeps the changes made before a late failure, as the reference does', () => {
    // The original card is gone from the profile: the reference has already recorded the new payment
    // and debited the gift card when it fails to find the method to refund.
    giftCard(userId, 'gift_card_1994993').balance = 2000;
    delete state.users[userId]?.payment_methods['credit_card_5683823'];
    expect(
      failure(
        env.modify_pending_order_payment({ order_id: orderId, payment_method_id: 'gift_card_1994993' }),
      ),
    ).toEqual({ code: 'NOT_FOUND', message: 'Payment method not found' });
    expect(order(orderId).payment_history).toHaveLength(3);
    expect(giftCard(userId, 'gift_card_1994993').balance).toBe(996.78);
  });
});

describe('returns and exchanges of a delivered order', () => {
  const orderId = '#W4250821'; // delivered, 4 items, paid by credit_card_8041020
  const items = () => order(orderId).items.map((item) => item.item_id);

  it('returns to the original method or a gift card, sorting the items', () => {
    const [a, b] = items() as [string, string];
    expect(
      failure(
        env.return_delivered_order_items({
          order_id: orderId,
          item_ids: [a],
          payment_method_id: 'paypal_7425862',
        }),
      ),
    ).toEqual({ code: 'INVALID_ARGUMENT', message: 'Payment method should be the original payment method' });
    expect(
      failure(
        env.return_delivered_order_items({
          order_id: orderId,
          item_ids: [a, a],
          payment_method_id: 'gift_card_6052478',
        }),
      ).message,
    ).toBe('Some item not found');
    const result = ok(
      env.return_delivered_order_items({
        order_id: orderId,
        item_ids: [b, a],
        payment_method_id: 'gift_card_6052478',
      }),
    );
    expect(result.status).toBe('return requested');
    expect(result.return_items).toEqual([a, b].sort());
    expect(result.return_payment_method_id).toBe('gift_card_6052478');
    expect(
      failure(
        env.return_delivered_order_items({
          order_id: orderId,
          item_ids: [a],
          payment_method_id: 'credit_card_8041020',
        }),
      ).message,
    ).toBe('Non-delivered order cannot be returned');
  });

  it('exchanges for variants of the same products and records the rounded price difference', () => {
    const lines = order(orderId).items;
    const picks = lines.slice(0, 2).map((line) => ({
      from: line,
      to: otherVariants(line.product_id, line.item_id)[0] as Variant,
    }));
    const base = { order_id: orderId, payment_method_id: 'credit_card_8041020' };
    expect(
      failure(env.exchange_delivered_order_items({ ...base, item_ids: ['1', '1'], new_item_ids: ['2', '3'] }))
        .message,
    ).toBe('Number of 1 not found.');
    expect(
      failure(
        env.exchange_delivered_order_items({ ...base, item_ids: [picks[0]!.from.item_id], new_item_ids: [] }),
      ).message,
    ).toBe('The number of items to be exchanged should match.');
    const result = ok(
      env.exchange_delivered_order_items({
        ...base,
        item_ids: picks.map((p) => p.from.item_id).reverse(),
        new_item_ids: picks.map((p) => p.to.item_id).reverse(),
      }),
    );
    const difference = picks.reduce((sum, p) => sum + (p.to.price - p.from.price), 0);
    expect(result.status).toBe('exchange requested');
    expect(result.exchange_items).toEqual(picks.map((p) => p.from.item_id).sort());
    expect(result.exchange_new_items).toEqual(picks.map((p) => p.to.item_id).sort());
    expect(result.exchange_price_difference).toBeCloseTo(difference, 9);
    expect(Number.isInteger(Math.round((result.exchange_price_difference as number) * 100))).toBe(true);
  });

  it('needs a gift card to cover a positive difference', () => {
    const line = order(orderId).items.find((l) =>
      otherVariants(l.product_id, l.item_id).some((v) => v.price - l.price > 10),
    ) as Order['items'][0];
    const pricier = otherVariants(line.product_id, line.item_id).find(
      (v) => v.price - line.price > 10,
    ) as Variant;
    expect(
      failure(
        env.exchange_delivered_order_items({
          order_id: orderId,
          item_ids: [line.item_id],
          new_item_ids: [pricier.item_id],
          payment_method_id: 'gift_card_6052478', // balance 10
        }),
      ),
    ).toEqual({
      code: 'INSUFFICIENT_BALANCE',
      message: 'Insufficient gift card balance to pay for the price difference',
    });
  });
});

describe('modify_user_address', () => {
  it('replaces the default address', () => {
    const address = {
      address1: '22 Ünïcode Rd',
      address2: 'Apt 3',
      city: 'Springfield',
      state: 'IL',
      country: 'USA',
      zip: '62701',
    };
    expect(ok(env.modify_user_address({ user_id: 'yusuf_rossi_9620', ...address })).address).toEqual(address);
    expect(state.users['yusuf_rossi_9620']?.address).toEqual(address);
    expect(failure(env.modify_user_address({ user_id: 'nobody_1', ...address })).message).toBe(
      'User not found',
    );
  });
});

describe('random call sequences recorded from the reference tools', () => {
  interface Sequence {
    calls: ToolCall[];
    errors: (string | null)[];
    final_digest: string;
  }
  const { sequences } = fixture<{ seed: number; sequences: Sequence[] }>('reference-sequences.json');

  it('fail on exactly the same calls with the same messages and end in the same database', () => {
    expect(sequences.length).toBeGreaterThan(200);
    const worlds = new WorldFactory(JSON.parse(dbText) as State);
    const mismatches: string[] = [];
    sequences.forEach((sequence, index) => {
      const { state: final, results } = replayInProcess(worlds.worldFor(sequence.calls), sequence.calls);
      const errors = results.map((result) => (result.ok ? null : result.error.message));
      if (JSON.stringify(errors) !== JSON.stringify(sequence.errors)) {
        mismatches.push(`sequence ${index}: ${JSON.stringify(errors)} vs ${JSON.stringify(sequence.errors)}`);
      }
      if (canonicalDigest(final) !== sequence.final_digest)
        mismatches.push(`sequence ${index}: final digest`);
    });
    expect(mismatches).toEqual([]);
  });
});

describe('WorldFactory (shared frozen worlds for fast replays)', () => {
  it('copies the orders and users the calls name, and a write elsewhere fails loudly', () => {
    const worlds = new WorldFactory(JSON.parse(dbText) as State);
    const calls: ToolCall[] = [
      { name: 'cancel_pending_order', arguments: { order_id: '#W6779827', reason: 'no longer needed' } },
    ];
    const world = worlds.worldFor(calls);
    expect(Object.isFrozen(world.orders['#W6779827'])).toBe(false);
    expect(Object.isFrozen(world.users['ethan_lopez_6291'])).toBe(false);
    expect(Object.isFrozen(world.orders['#W2378156'])).toBe(true);
    expect(replayInProcess(world, calls).failing).toEqual([]);
    expect(world.orders['#W6779827']?.status).toBe('cancelled');
    // A world made for no calls shares that order, frozen: cancelling it there throws.
    expect(replayInProcess(worlds.worldFor([]), calls).results[0]).toMatchObject({
      ok: false,
      error: { code: 'THREW' },
    });
    expect(canonicalDigest(worlds.worldFor([]))).toBe(canonicalDigest(JSON.parse(dbText)));
  });
});
