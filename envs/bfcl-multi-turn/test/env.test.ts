/**
 * Behaviour of the BFCL environment beyond the gold replay: the CPython random generator port (through the
 * tools that draw from it), routing, serialisation and reference quirks. Expected values were produced by
 * running the reference Python classes.
 */
import type { ToolResult } from '@envscaler/core';
import { describe, expect, it } from 'vitest';
import { BfclMultiTurn, type State } from '../env.js';

function session(involved: string[], initial: Record<string, unknown> = {}): BfclMultiTurn {
  return new BfclMultiTurn(BfclMultiTurn.fromConfig({ involved_classes: involved, initial_config: initial }));
}

function data(result: ToolResult): unknown {
  if (!result.ok) throw new Error(`tool failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

describe('CPython random.Random port', () => {
  it('draws MessageAPI ids like random.Random(seed).randint(10000, 99999)', () => {
    const seeded = session(['MessageAPI'], { MessageAPI: { random_seed: 1, current_user: 'USR001' } });
    const ids = Array.from(
      { length: 5 },
      () =>
        (
          data(seeded.send_message({ receiver_id: 'USR002', message: 'hi' })) as {
            message_id: { new_id: number };
          }
        ).message_id.new_id,
    );
    expect(ids).toEqual([27611, 84606, 18271, 43432, 25455]);

    // Default seed 200191.
    const defaults = session(['MessageAPI'], { MessageAPI: { current_user: 'USR001' } });
    const first = Array.from(
      { length: 3 },
      () =>
        (
          data(defaults.send_message({ receiver_id: 'USR002', message: 'hi' })) as {
            message_id: { new_id: number };
          }
        ).message_id.new_id,
    );
    expect(first).toEqual([67410, 41772, 24547]);
    expect(
      (BfclMultiTurn.publicState(defaults.state) as { MessageAPI: { generated_ids: number[] } }).MessageAPI
        .generated_ids,
    ).toEqual([24547, 41772, 67410]);
  });

  it('seeds from a multi-word integer and draws 40-bit values from two words', () => {
    const travel = session(['TravelAPI'], { TravelAPI: { random_seed: 2 ** 40 + 7 } });
    const auth = data(
      travel.authenticate_travel({
        client_id: 'c',
        client_secret: 's',
        refresh_token: 'r',
        grant_type: 'read',
        user_first_name: 'A',
        user_last_name: 'B',
      }),
    ) as { access_token: string };
    expect(auth.access_token).toBe('743515');
    const card = data(
      travel.register_credit_card({
        access_token: '743515',
        card_number: '4111',
        expiration_date: '12/2030',
        cardholder_name: 'A B',
        card_verification_number: 123,
      }),
    );
    expect(card).toEqual({ card_id: '996562930786' });
    expect(data(travel.get_all_credit_cards({}))).toEqual({
      credit_card_list: {
        '996562930786': {
          card_number: '4111',
          expiration_date: '12/2030',
          cardholder_name: 'A B',
          card_verification_number: 123,
          balance: 93823,
        },
      },
    });
  });

  it('draws booking, transaction and insurance ids in the reference order', () => {
    const travel = session(['TravelAPI'], { TravelAPI: { random_seed: 0 } });
    const token = (
      data(
        travel.authenticate_travel({
          client_id: 'c',
          client_secret: 's',
          refresh_token: 'r',
          grant_type: 'read',
          user_first_name: 'A',
          user_last_name: 'B',
        }),
      ) as { access_token: string }
    ).access_token;
    const cardId = (
      data(
        travel.register_credit_card({
          access_token: token,
          card_number: '4111',
          expiration_date: '12/2030',
          cardholder_name: 'A B',
          card_verification_number: 123,
        }),
      ) as { card_id: string }
    ).card_id;
    (travel.state.classes.TravelAPI?.credit_card_list[cardId] as { balance: number }).balance = 5000;
    expect(
      data(
        travel.book_flight({
          access_token: token,
          card_id: cardId,
          travel_date: '2024-11-15',
          travel_from: 'SFO',
          travel_to: 'LAX',
          travel_class: 'economy',
        }),
      ),
    ).toEqual({
      booking_id: '1679215',
      transaction_id: '44751217',
      booking_status: true,
      booking_history: {},
    });
    expect(
      data(
        travel.purchase_insurance({
          access_token: token,
          insurance_type: 'x',
          booking_id: '1679215',
          insurance_cost: 10.5,
          card_id: cardId,
        }),
      ),
    ).toEqual({
      insurance_id: '648977048',
      insurance_status: true,
    });
    expect(travel.state.classes.TravelAPI?.credit_card_list[cardId]?.['balance']).toBe(4589.5);
  });

  it('draws 53-bit floats for uniform()', () => {
    const car = session(['VehicleControlAPI']);
    expect(data(car.get_current_speed({}))).toEqual({ currentSpeed: 111.92365689097284 });
    expect(data(car.get_outside_temperature_from_google({}))).toEqual({
      outsideTemperature: 31.29968928699752,
    });
  });

  it('timestamps trading transactions at 2024-09-01 10:30:00 plus a drawn offset', () => {
    const bot = session(['TradingBot'], {
      TradingBot: { random_seed: 42, authenticated: true, market_status: 'Open' },
    });
    expect(data(bot.fund_account({ amount: 100 }))).toEqual({
      status: 'Account funded successfully',
      new_balance: 10100,
    });
    expect(data(bot.withdraw_funds({ amount: 50.5 }))).toEqual({
      status: 'Withdrawal successful',
      new_balance: 10049.5,
    });
    expect(bot.state.classes.TradingBot?.transaction_history).toEqual([
      { type: 'deposit', amount: 100, timestamp: '2024-09-02 09:46:50' },
      { type: 'withdrawal', amount: 50.5, timestamp: '2024-09-01 14:33:12' },
    ]);
  });

  it('keeps the generator in the state, so a JSON snapshot continues the same sequence', () => {
    const a = session(['VehicleControlAPI']);
    a.get_current_speed({});
    const b = new BfclMultiTurn(JSON.parse(JSON.stringify(a.state)) as State);
    expect(data(b.get_current_speed({}))).toEqual(data(a.get_current_speed({})));
  });

  // Expected values: r = random.Random(7); [r.uniform(-10.0, 40.0) for _ in range(12000)] (CPython 3.11).
  it('matches CPython over 24,000 words (39 blocks), with two sessions of one seed drawing in turn', () => {
    const config = { VehicleControlAPI: { random_seed: 7 } };
    const a = session(['VehicleControlAPI'], config);
    const b = session(['VehicleControlAPI'], config);
    const temperature = (car: BfclMultiTurn): number =>
      (data(car.get_outside_temperature_from_google({})) as { outsideTemperature: number })
        .outsideTemperature;
    const drawn: number[] = [];
    for (let i = 0; i < 5000; i++) drawn.push(temperature(a));
    // b starts from the beginning while a is far ahead; a then goes on from a JSON copy of its state
    expect(temperature(b)).toBe(6.191638241658119);
    const resumed = new BfclMultiTurn(JSON.parse(JSON.stringify(a.state)) as State);
    for (let i = 5000; i < 12000; i++) drawn.push(temperature(resumed));
    expect(resumed.state.classes.VehicleControlAPI?._random).toEqual({ seed: 7, drawn: 24000 });
    expect([drawn[0], drawn[311], drawn[312], drawn[4999], drawn[5000], drawn[11999]]).toEqual([
      6.191638241658119, 31.62223347414738, -1.9266970059560435, 8.38389910001493, 37.98888233014822,
      16.388527558701654,
    ]);
    expect(drawn.reduce((sum, v) => sum + v, 0)).toBe(178707.19445213236);
    expect(temperature(b)).toBe(drawn[1]);
  });

  it('names a generator state it cannot use instead of drawing from it', () => {
    const car = session(['VehicleControlAPI']);
    const old = JSON.parse(JSON.stringify(car.state)) as State;
    (old.classes.VehicleControlAPI as unknown as { _random: unknown })._random = { mt: [1, 2], index: 624 };
    expect(new BfclMultiTurn(old).get_outside_temperature_from_google({})).toEqual({
      ok: false,
      error: {
        code: 'EXCEPTION',
        message: expect.stringMatching(/random generator state .* is not \{seed, drawn\}/) as string,
      },
    });
  });
});

describe('routing and configuration', () => {
  it('fails with UNKNOWN_TOOL for a tool whose class is not involved', () => {
    const env = session(['MathAPI']);
    const result = env.ls({});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('UNKNOWN_TOOL');
    expect(data(env.add({ a: 1, b: 2 }))).toEqual({ result: 3 });
  });

  it('rejects unknown classes and ignores config sections of classes that are not involved', () => {
    expect(() => BfclMultiTurn.fromConfig({ involved_classes: ['Nope'], initial_config: {} })).toThrow(
      /unknown API class/,
    );
    const state = BfclMultiTurn.fromConfig({
      involved_classes: ['TicketAPI', 'MathAPI'],
      initial_config: { GorillaFileSystem: { root: {} }, TicketAPI: { ticket_counter: 7 } },
    });
    expect(state.involved).toEqual(['TicketAPI', 'MathAPI']);
    expect(BfclMultiTurn.publicState(state)).toEqual({
      TicketAPI: { ticket_queue: [], ticket_counter: 7, current_user: null },
      MathAPI: {},
    });
  });

  it('reports public attributes only, with the file tree in scenario shape', () => {
    const env = session(['GorillaFileSystem', 'VehicleControlAPI'], {
      GorillaFileSystem: {
        root: { home: { type: 'directory', contents: { 'a.txt': { type: 'file', content: 'x' } } } },
      },
    });
    env.pressBrakePedal({ pedalPosition: 0.5 });
    const snapshot = BfclMultiTurn.publicState(env.state) as Record<string, Record<string, unknown>>;
    expect(snapshot['GorillaFileSystem']).toEqual({
      long_context: false,
      root: { home: { type: 'directory', contents: { 'a.txt': { type: 'file', content: 'x' } } } },
    });
    const car = snapshot['VehicleControlAPI'] as Record<string, unknown>;
    expect(car['brakePedalStatus']).toBe('pressed');
    expect(Object.keys(car).some((key) => key.startsWith('_'))).toBe(false);
    expect(Object.keys(car)).toHaveLength(20);
  });

  it('returns reference error values as successful results and raised exceptions as failures', () => {
    const fs = session(['GorillaFileSystem'], {
      GorillaFileSystem: {
        root: { home: { type: 'directory', contents: { sub: { type: 'directory', contents: {} } } } },
      },
    });
    expect(data(fs.cat({ file_name: 'missing.txt' }))).toEqual({
      error: "cat: 'missing.txt': No such file or directory",
    });
    const raised = fs.echo({ content: 'x', file_name: 'sub' });
    expect(raised).toEqual({
      ok: false,
      error: { code: 'EXCEPTION', message: "AttributeError: 'Directory' object has no attribute '_write'" },
    });
  });
});

describe('reference quirks', () => {
  const tree = {
    GorillaFileSystem: {
      root: {
        home: {
          type: 'directory',
          contents: {
            a: {
              type: 'directory',
              contents: {
                sub: { type: 'directory', contents: { 'f.txt': { type: 'file', content: 'old' } } },
                'c.txt': { type: 'file', content: 'x\ny\nz' },
              },
            },
          },
        },
      },
    },
  };

  it('cp of a directory is shallow: the copy shares its subdirectories with the original', () => {
    const fs = session(['GorillaFileSystem'], tree);
    expect(data(fs.cp({ source: 'a', destination: 'b' }))).toEqual({ result: "'a' copied to 'b'" });
    fs.cd({ folder: 'b' });
    fs.touch({ file_name: 'only_b.txt' });
    fs.cd({ folder: 'sub' });
    expect(data(fs.echo({ content: 'new', file_name: 'f.txt' }))).toBeNull();
    const root = (
      BfclMultiTurn.publicState(fs.state) as {
        GorillaFileSystem: {
          root: { home: { contents: Record<string, { contents: Record<string, unknown> }> } };
        };
      }
    ).GorillaFileSystem.root.home.contents;
    expect(root['a']?.contents['sub']).toEqual({
      type: 'directory',
      contents: { 'f.txt': { type: 'file', content: 'new' } },
    });
    expect(Object.keys(root['a']?.contents ?? {})).toEqual(['sub', 'c.txt']);
    expect(Object.keys(root['b']?.contents ?? {})).toEqual(['sub', 'c.txt', 'only_b.txt']);
  });

  it('a moved directory keeps stale parent links (pwd shows the old name)', () => {
    const fs = session(['GorillaFileSystem'], tree);
    fs.mv({ source: 'a', destination: 'b' });
    fs.cd({ folder: 'b' });
    fs.cd({ folder: 'sub' });
    expect(data(fs.pwd({}))).toEqual({ current_working_directory: '/home/a/sub' });
    expect(data(fs.cd({ folder: '..' }))).toEqual({});
    expect(data(fs.ls({}))).toEqual({ current_directory_content: ['sub', 'c.txt'] });
  });

  it('pwd includes the root name; tail with lines=0 returns everything; cp onto an existing name raises', () => {
    const bare = session(['GorillaFileSystem']);
    expect(data(bare.pwd({}))).toEqual({ current_working_directory: '//' });
    bare.mkdir({ dir_name: 'x' });
    bare.cd({ folder: 'x' });
    expect(data(bare.pwd({}))).toEqual({ current_working_directory: '///x' });

    const fs = session(['GorillaFileSystem'], tree);
    fs.cd({ folder: 'a' });
    expect(data(fs.tail({ file_name: 'c.txt', lines: 0 }))).toEqual({ last_lines: 'x\ny\nz' });
    fs.cd({ folder: '..' });
    fs.mkdir({ dir_name: 'd' });
    fs.cd({ folder: 'd' });
    fs.touch({ file_name: 'a' });
    fs.cd({ folder: '..' });
    expect(fs.cp({ source: 'a', destination: 'd' })).toEqual({
      ok: false,
      error: { code: 'EXCEPTION', message: "ValueError: Directory 'a' already exists in directory 'd'." },
    });
  });

  it("post_tweet's default mentions list is shared by every tweet posted without mentions", () => {
    const tw = session(['TwitterAPI'], { TwitterAPI: { authenticated: true } });
    tw.post_tweet({ content: 'x' });
    tw.post_tweet({ content: 'y', mentions: ['@own'] });
    tw.post_tweet({ content: 'z' });
    tw.mention({ tweet_id: 0, mentioned_usernames: ['@m'] });
    expect(data(tw.get_tweet({ tweet_id: 2 }))).toEqual({
      id: 2,
      username: 'john',
      content: 'z',
      tags: [],
      mentions: ['@m'],
    });
    expect(data(tw.post_tweet({ content: 'w' }))).toEqual({
      id: 3,
      username: 'john',
      content: 'w',
      tags: [],
      mentions: ['@m'],
    });
    expect(data(tw.get_tweet({ tweet_id: 1 }))).toMatchObject({ mentions: ['@own'] });
  });

  it('scenario comment keys are strings, so comments on an integer tweet id never see them', () => {
    const tw = session(['TwitterAPI'], {
      TwitterAPI: {
        authenticated: true,
        tweets: { '1': { id: 1, username: 'john', content: 'c', tags: [], mentions: [] } },
        comments: { '1': [{ username: 'z', content: 'cfg' }] },
      },
    });
    expect(data(tw.get_tweet_comments({ tweet_id: 1 }))).toEqual([]);
    tw.comment({ tweet_id: 1, comment_content: 'hi' });
    expect(data(tw.get_tweet_comments({ tweet_id: 1 }))).toEqual([{ username: 'john', content: 'hi' }]);
  });

  it('trading: buys beyond the balance are refused; the default order counter overwrites order 12446', () => {
    const bot = session(['TradingBot'], { TradingBot: { authenticated: true } });
    expect(data(bot.place_order({ order_type: 'Buy', symbol: 'AAPL', price: 227.16, amount: 100 }))).toEqual({
      error: 'Insufficient funds: required $22716.00 but only $10000.00 available.',
    });
    expect(
      data(bot.place_order({ order_type: 'Sell', symbol: 'AAPL', price: 227.16, amount: 100 })),
    ).toMatchObject({ order_id: 12446 });
    expect(data(bot.get_order_history({}))).toEqual({ history: [12345, 12446] });
  });

  it('orders keep their insertion order, also around non-numeric keys', () => {
    const bot = session(['TradingBot'], {
      TradingBot: {
        authenticated: true,
        orders: { '12345': { id: 12345, status: 'Completed' }, order_type: 'Buy' },
      },
    });
    bot.place_order({ order_type: 'Sell', symbol: 'AAPL', price: 1, amount: 1 });
    expect(data(bot.get_order_history({}))).toEqual({ history: [12345, 'order_type', 12446] });
  });

  it('vehicle: a KeyError in lockDoors keeps the doors changed before it; an invalid cruise speed still sets the distance', () => {
    const car = session(['VehicleControlAPI'], { VehicleControlAPI: { engineState: 'running' } });
    expect(car.lockDoors({ unlock: false, door: ['driver', 'trunk'] })).toEqual({
      ok: false,
      error: { code: 'EXCEPTION', message: "KeyError: 'trunk'" },
    });
    expect(car.state.classes.VehicleControlAPI?.doorStatus['driver']).toBe('locked');
    expect(car.state.classes.VehicleControlAPI?.remainingUnlockedDoors).toBe(3);
    expect(data(car.setCruiseControl({ speed: 67, activate: true, distanceToNextVehicle: 80 }))).toEqual({
      error: 'Invalid speed',
    });
    expect(car.state.classes.VehicleControlAPI?.distanceToNextVehicle).toBe(80);
  });

  it('ticket ids are compared as given: scenario tickets may use string ids', () => {
    const tickets = session(['TicketAPI'], {
      TicketAPI: {
        ticket_queue: [
          { id: 'ticket_001', status: 'Open' },
          { id: 2, status: 'Open' },
        ],
      },
    });
    expect(data(tickets.close_ticket({ ticket_id: 'ticket_001' }))).toEqual({
      status: 'Ticket ticket_001 has been closed successfully.',
    });
    expect(data(tickets.close_ticket({ ticket_id: '2' }))).toEqual({ error: 'Ticket with ID 2 not found.' });
    expect(data(tickets.close_ticket({ ticket_id: 2 }))).toEqual({
      status: 'Ticket 2 has been closed successfully.',
    });
  });

  it('logarithm works at mpmath precision (decimal digits turned into bits)', () => {
    const math = session(['MathAPI']);
    expect(data(math.logarithm({ value: 20, base: 10, precision: 2 }))).toEqual({ result: 1.302734375 });
    expect(data(math.logarithm({ value: 7, base: 3, precision: 1 }))).toEqual({ result: 1.78125 });
    expect(data(math.logarithm({ value: 123.456, base: 7.5, precision: 6 }))).toEqual({
      result: 2.390131950378418,
    });
    expect(data(math.logarithm({ value: 10, base: 1, precision: 5 }))).toEqual({ error: '' });
  });
});
