/**
 * The airline tools on a small hand-made world, one rule or quirk of the reference at a time.
 */
import { describe, expect, it } from 'vitest';
import type { ToolResult } from '@envscaler/core';
import { TauAirline, type Flight, type FlightDate, type State } from '../env.js';

const seats = (n: number) => ({ basic_economy: n, economy: n, business: n });
const open = (n: number, prices: [number, number, number]): FlightDate => ({
  status: 'available',
  available_seats: seats(n),
  prices: { basic_economy: prices[0], economy: prices[1], business: prices[2] },
});

function flight(
  number: string,
  from: string,
  to: string,
  leaves: string,
  lands: string,
  dates: Flight['dates'],
): Flight {
  return {
    flight_number: number,
    origin: from,
    destination: to,
    scheduled_departure_time_est: leaves,
    scheduled_arrival_time_est: lands,
    dates,
  };
}

function world(): State {
  return {
    flights: {
      HAT001: flight('HAT001', 'JFK', 'ORD', '06:00:00', '08:00:00', {
        '2024-05-05': open(9, [100, 200, 500]),
        '2024-05-15': open(9, [100, 200, 500]),
        '2024-05-16': { status: 'landed' },
        '2024-05-20': open(1, [100, 200, 500]),
      }),
      HAT002: flight('HAT002', 'ORD', 'SEA', '09:00:00', '11:00:00', {
        '2024-05-05': open(9, [60, 120, 300]),
        '2024-05-15': open(9, [61, 121, 301]),
        '2024-05-16': open(9, [62, 122, 302]),
      }),
      HAT003: flight('HAT003', 'JFK', 'ORD', '22:00:00', '01:00:00+1', {
        '2024-05-05': open(9, [90, 190, 490]),
        '2024-05-06': open(9, [90, 190, 490]),
        '2024-05-15': open(9, [90, 190, 490]),
        '2024-05-16': open(9, [90, 190, 490]),
      }),
      HAT004: flight('HAT004', 'ORD', 'SEA', '07:00:00', '09:00:00', {
        '2024-05-05': open(9, [50, 100, 250]),
        '2024-05-15': { status: 'cancelled' },
        '2024-05-16': open(9, [51, 101, 251]),
      }),
    },
    reservations: {
      RES001: {
        reservation_id: 'RES001',
        user_id: 'ana_1',
        origin: 'JFK',
        destination: 'ORD',
        flight_type: 'one_way',
        cabin: 'economy',
        flights: [
          { flight_number: 'HAT001', date: '2024-05-15', price: 180, origin: 'JFK', destination: 'ORD' },
        ],
        passengers: [{ first_name: 'Ana', last_name: 'Li', dob: '1990-01-01' }],
        payment_history: [{ payment_id: 'credit_card_1', amount: 180 }],
        created_at: '2024-05-01T10:00:00',
        total_baggages: 1,
        nonfree_baggages: 0,
        insurance: 'no',
      },
    },
    users: {
      ana_1: {
        name: { first_name: 'Ana', last_name: 'Li' },
        address: {
          address1: '1 Main St',
          address2: '',
          city: 'Austin',
          country: 'USA',
          state: 'TX',
          zip: '78701',
        },
        email: 'ana@example.com',
        dob: '1990-01-01',
        payment_methods: {
          credit_card_1: { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '1111' },
          gift_card_1: { source: 'gift_card', id: 'gift_card_1', amount: 300 },
          certificate_1: { source: 'certificate', id: 'certificate_1', amount: 150 },
        },
        saved_passengers: [],
        membership: 'gold',
        reservations: ['RES001'],
      },
    },
  };
}

function ok<T>(result: ToolResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

function error(result: ToolResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return result.error;
}

const ana = { first_name: 'Ana', last_name: 'Li', dob: '1990-01-01' };
const booking = {
  user_id: 'ana_1',
  origin: 'JFK',
  destination: 'SEA',
  flight_type: 'one_way' as const,
  cabin: 'economy' as const,
  flights: [
    { flight_number: 'HAT001', date: '2024-05-15' },
    { flight_number: 'HAT002', date: '2024-05-15' },
  ],
  passengers: [ana],
  payment_methods: [{ payment_id: 'credit_card_1', amount: 351 }],
  total_baggages: 1,
  nonfree_baggages: 0,
  insurance: 'yes' as const,
};

describe('book_reservation', () => {
  it('prices segments per passenger plus insurance and bags, charges gift cards and uses up certificates', () => {
    const env = new TauAirline(world());
    // 200 + 121 per passenger, 30 insurance, 50 per non-free bag: 2 × 321 + 2 × 30 + 50 = 752.
    const reservation = ok(
      env.book_reservation({
        ...booking,
        passengers: [ana, { first_name: 'Bo', last_name: 'Li', dob: '1992-02-02' }],
        nonfree_baggages: 1,
        payment_methods: [
          { payment_id: 'certificate_1', amount: 150 },
          { payment_id: 'gift_card_1', amount: 250.5 },
          { payment_id: 'credit_card_1', amount: 351.5 },
        ],
      }),
    );
    expect(reservation).toMatchObject({
      reservation_id: 'HATHAT',
      created_at: '2024-05-15T15:00:00',
      flights: [
        { flight_number: 'HAT001', date: '2024-05-15', price: 200, origin: 'JFK', destination: 'ORD' },
        { flight_number: 'HAT002', date: '2024-05-15', price: 121, origin: 'ORD', destination: 'SEA' },
      ],
    });
    expect(Object.keys(reservation.flights[0]!)).toEqual([
      'flight_number',
      'date',
      'price',
      'origin',
      'destination',
    ]);
    expect(reservation.status).toBeUndefined();
    const user = env.state.users.ana_1!;
    expect(user.payment_methods.gift_card_1).toMatchObject({ amount: 49.5 });
    expect(user.payment_methods.certificate_1).toBeUndefined();
    expect(user.reservations).toEqual(['RES001', 'HATHAT']);
    // Seats are not taken (the reference does not update the flights).
    expect(env.state.flights.HAT001!.dates['2024-05-15']).toEqual(open(9, [100, 200, 500]));
  });

  it('takes HATHAT, HATHAU, HATHAV, and replaces HATHAV on a fourth booking', () => {
    const env = new TauAirline(world());
    const ids = Array.from({ length: 4 }, () => ok(env.book_reservation(booking)).reservation_id);
    expect(ids).toEqual(['HATHAT', 'HATHAU', 'HATHAV', 'HATHAV']);
    expect(env.state.users.ana_1!.reservations).toEqual(['RES001', 'HATHAT', 'HATHAU', 'HATHAV', 'HATHAV']);
  });

  it('reports the first problem in the reference order and changes nothing', () => {
    const env = new TauAirline(world());
    const before = JSON.stringify(env.state);
    const cases: [Partial<typeof booking>, string][] = [
      [{ user_id: 'nobody' }, 'user not found'],
      [{ flights: [{ flight_number: 'HAT999', date: '2024-05-15' }] }, 'flight HAT999 not found'],
      [
        { flights: [{ flight_number: 'HAT001', date: '2024-06-01' }] },
        'flight HAT001 not found on date 2024-06-01',
      ],
      [
        { flights: [{ flight_number: 'HAT001', date: '2024-05-16' }] },
        'flight HAT001 not available on date 2024-05-16',
      ],
      [
        { flights: [{ flight_number: 'HAT001', date: '2024-05-20' }], passengers: [ana, ana] },
        'not enough seats on flight HAT001',
      ],
      [
        { payment_methods: [{ payment_id: 'gift_card_9', amount: 351 }] },
        'payment method gift_card_9 not found',
      ],
      [
        { payment_methods: [{ payment_id: 'certificate_1', amount: 351 }] },
        'not enough balance in payment method certificate_1',
      ],
      [
        { payment_methods: [{ payment_id: 'credit_card_1', amount: 350 }] },
        'payment amount does not add up, total price is 351, but paid 350',
      ],
      // Python's sum is a float once an amount is one.
      [
        {
          payment_methods: [
            { payment_id: 'credit_card_1', amount: 300.5 },
            { payment_id: 'gift_card_1', amount: 49.5 },
          ],
        },
        'payment amount does not add up, total price is 351, but paid 350.0',
      ],
    ];
    for (const [change, message] of cases) {
      expect(error(env.book_reservation({ ...booking, ...change })).message).toBe(message);
    }
    expect(JSON.stringify(env.state)).toBe(before);
  });

  it('a certificate named twice fails like a missing key, after the first charges were made', () => {
    const env = new TauAirline(world());
    // 200 (HAT001 economy) + 2 non-free bags = 300 = 150 + 150; both balance checks pass.
    const result = env.book_reservation({
      ...booking,
      flights: [{ flight_number: 'HAT001', date: '2024-05-15' }],
      insurance: 'no',
      nonfree_baggages: 2,
      payment_methods: [
        { payment_id: 'certificate_1', amount: 150 },
        { payment_id: 'certificate_1', amount: 150 },
      ],
    });
    expect(error(result)).toEqual({ code: 'KEY_ERROR', message: "'certificate_1'" });
    expect(env.state.users.ana_1!.payment_methods.certificate_1).toBeUndefined();
    expect(env.state.reservations.HATHAT).toBeUndefined();
  });

  it('keeps its own copies of the arguments', () => {
    const env = new TauAirline(world());
    const passengers = [{ ...ana }];
    ok(env.book_reservation({ ...booking, passengers }));
    passengers[0]!.first_name = 'Changed';
    expect(env.state.reservations.HATHAT!.passengers[0]!.first_name).toBe('Ana');
  });
});

describe('changing reservations', () => {
  it('cancel_reservation appends a negative entry per payment and marks it cancelled (again when repeated)', () => {
    const env = new TauAirline(world());
    expect(ok(env.cancel_reservation({ reservation_id: 'RES001' }))).toMatchObject({
      status: 'cancelled',
      payment_history: [
        { payment_id: 'credit_card_1', amount: 180 },
        { payment_id: 'credit_card_1', amount: -180 },
      ],
    });
    expect(
      ok(env.cancel_reservation({ reservation_id: 'RES001' })).payment_history.map((p) => p.amount),
    ).toEqual([180, -180, -180, 180]);
    expect(error(env.cancel_reservation({ reservation_id: 'toString' })).message).toBe(
      'reservation not found',
    );
  });

  it('update_reservation_flights: kept segments keep their price, others get today’s, the difference is paid', () => {
    const env = new TauAirline(world());
    // Same flight, same cabin: kept at 180 although economy costs 200 today; nothing to pay.
    const same = ok(
      env.update_reservation_flights({
        reservation_id: 'RES001',
        cabin: 'economy',
        flights: [{ flight_number: 'HAT001', date: '2024-05-15' }],
        payment_id: 'credit_card_1',
      }),
    );
    expect(same.flights[0]!.price).toBe(180);
    expect(same.payment_history).toHaveLength(1);
    // To business: 500 - 180 = 320 > the gift card's 300.
    const upgrade = {
      reservation_id: 'RES001',
      cabin: 'business' as const,
      flights: [{ flight_number: 'HAT001', date: '2024-05-15' }],
      payment_id: 'gift_card_1',
    };
    expect(error(env.update_reservation_flights(upgrade)).message).toBe('gift card balance is not enough');
    expect(error(env.update_reservation_flights({ ...upgrade, payment_id: 'certificate_1' })).message).toBe(
      'certificate cannot be used to update reservation',
    );
    expect(error(env.update_reservation_flights({ ...upgrade, payment_id: 'paypal_1' })).message).toBe(
      'payment method not found',
    );
    const upgraded = ok(env.update_reservation_flights({ ...upgrade, payment_id: 'credit_card_1' }));
    expect(upgraded.flights[0]!.price).toBe(500);
    expect(upgraded.payment_history.at(-1)).toEqual({ payment_id: 'credit_card_1', amount: 320 });
    // The reference does not record the new cabin.
    expect(upgraded.cabin).toBe('economy');
  });

  it('update_reservation_flights refunds a cheaper trip onto a gift card', () => {
    const env = new TauAirline(world());
    const cheaper = ok(
      env.update_reservation_flights({
        reservation_id: 'RES001',
        cabin: 'basic_economy',
        flights: [{ flight_number: 'HAT003', date: '2024-05-15' }],
        payment_id: 'gift_card_1',
      }),
    );
    expect(cheaper.payment_history.at(-1)).toEqual({ payment_id: 'gift_card_1', amount: -90 });
    expect(env.state.users.ana_1!.payment_methods.gift_card_1).toMatchObject({ amount: 390 });
  });

  it('update_reservation_baggages charges 50 per added non-free bag and records nothing when free', () => {
    const env = new TauAirline(world());
    const more = ok(
      env.update_reservation_baggages({
        reservation_id: 'RES001',
        total_baggages: 4,
        nonfree_baggages: 2,
        payment_id: 'gift_card_1',
      }),
    );
    expect(more).toMatchObject({ total_baggages: 4, nonfree_baggages: 2 });
    expect(more.payment_history.at(-1)).toEqual({ payment_id: 'gift_card_1', amount: 100 });
    expect(env.state.users.ana_1!.payment_methods.gift_card_1).toMatchObject({ amount: 200 });
    // Fewer bags: nothing to pay, and the tool does not forbid it (the policy does).
    const fewer = {
      reservation_id: 'RES001',
      total_baggages: 0,
      nonfree_baggages: 0,
      payment_id: 'credit_card_1',
    };
    const removed = ok(env.update_reservation_baggages(fewer));
    expect(removed).toMatchObject({ total_baggages: 0, nonfree_baggages: 0 });
    expect(removed.payment_history).toHaveLength(2);
    // A certificate is refused even when there is nothing to pay.
    expect(error(env.update_reservation_baggages({ ...fewer, payment_id: 'certificate_1' })).message).toBe(
      'certificate cannot be used to update reservation',
    );
  });

  it('update_reservation_passengers keeps the number of passengers', () => {
    const env = new TauAirline(world());
    expect(
      error(env.update_reservation_passengers({ reservation_id: 'RES001', passengers: [ana, ana] })).message,
    ).toBe('number of passengers does not match');
    const bo = { first_name: 'Bo', last_name: 'Li', dob: '1992-02-02' };
    expect(
      ok(env.update_reservation_passengers({ reservation_id: 'RES001', passengers: [bo] })).passengers,
    ).toEqual([bo]);
  });

  it('send_certificate issues up to three certificates, then adds nothing', () => {
    const env = new TauAirline(world());
    const texts = [100, 50, 75.5, 10].map((amount) => ok(env.send_certificate({ user_id: 'ana_1', amount })));
    expect(texts).toEqual([
      'Certificate certificate_3221322 added to user ana_1 with amount 100.',
      'Certificate certificate_3221323 added to user ana_1 with amount 50.',
      'Certificate certificate_3221324 added to user ana_1 with amount 75.5.',
      null,
    ]);
    expect(env.state.users.ana_1!.payment_methods.certificate_3221324).toEqual({
      source: 'certificate',
      amount: 75.5,
      id: 'certificate_3221324',
    });
    expect(error(env.send_certificate({ user_id: 'bo', amount: 1 })).message).toBe('user not found');
  });
});

describe('queries', () => {
  it('get_reservation_details reports a missing reservation as a missing user; results are copies', () => {
    const env = new TauAirline(world());
    expect(error(env.get_reservation_details({ reservation_id: 'NOPE' }))).toEqual({
      code: 'NOT_FOUND',
      message: 'user not found',
    });
    const copy = ok(env.get_reservation_details({ reservation_id: 'RES001' }));
    copy.passengers.pop();
    expect(env.state.reservations.RES001!.passengers).toHaveLength(1);
    expect(error(env.get_user_details({ user_id: 'constructor' })).message).toBe('user not found');
  });

  it('list_all_airports lists the 20 airports in the reference order', () => {
    const airports = ok(new TauAirline(world()).list_all_airports());
    expect(Object.keys(airports)).toHaveLength(20);
    expect(Object.entries(airports).slice(0, 2)).toEqual([
      ['SFO', 'San Francisco'],
      ['JFK', 'New York'],
    ]);
    expect(airports.LGA).toBe('LaGuardia');
  });

  it('search_direct_flight lists bookable flights with the date’s fields in place of the dates', () => {
    const env = new TauAirline(world());
    const offers = ok(env.search_direct_flight({ origin: 'JFK', destination: 'ORD', date: '2024-05-15' }));
    expect(offers.map((o) => o.flight_number)).toEqual(['HAT001', 'HAT003']);
    expect(Object.keys(offers[0]!)).toEqual([
      'flight_number',
      'origin',
      'destination',
      'scheduled_departure_time_est',
      'scheduled_arrival_time_est',
      'status',
      'available_seats',
      'prices',
    ]);
    expect(
      ok(env.search_direct_flight({ origin: 'JFK', destination: 'ORD', date: '2024-05-16' })).map(
        (o) => o.flight_number,
      ),
    ).toEqual(['HAT003']);
  });

  it('search_onestop_flight: connections in time, overnight ones on the next (unpadded) day, second leg shown with the first day’s data', () => {
    const env = new TauAirline(world());
    const trips = ok(env.search_onestop_flight({ origin: 'JFK', destination: 'SEA', date: '2024-05-15' }));
    expect(trips.map(([a, b]) => `${a.flight_number}@${a.date}+${b.flight_number}@${b.date}`)).toEqual([
      // HAT001 lands 08:00, after HAT004 leaves (07:00); HAT004 is cancelled on the 15th anyway.
      'HAT001@2024-05-15+HAT002@2024-05-15',
      // HAT003 lands at 01:00 the next day: the string '01:00:00+1' sorts before both departures.
      'HAT003@2024-05-15+HAT002@2024-05-16',
      'HAT003@2024-05-15+HAT004@2024-05-16',
    ]);
    // The second leg flies on the 16th but shows its status and prices of the 15th.
    expect(trips[1]![1]).toMatchObject({ date: '2024-05-16', prices: { economy: 121 } });
    expect(trips[2]![1]).toMatchObject({ date: '2024-05-16', status: 'cancelled' });
    // On May 5 the next day is written '2024-05-6', which no flight has.
    expect(
      ok(env.search_onestop_flight({ origin: 'JFK', destination: 'SEA', date: '2024-05-05' })).map(
        ([a, b]) => [a.flight_number, b.flight_number],
      ),
    ).toEqual([['HAT001', 'HAT002']]);
    expect(
      error(env.search_onestop_flight({ origin: 'JFK', destination: 'SEA', date: '2024-05-xx' })),
    ).toEqual({
      code: 'VALUE_ERROR',
      message: "invalid literal for int() with base 10: 'xx'",
    });
  });

  it('think and transfer_to_human_agents change nothing', () => {
    const env = new TauAirline(world());
    expect(ok(env.think({ thought: 'hmm' }))).toBe('');
    expect(ok(env.transfer_to_human_agents({ summary: 'help' }))).toBe('Transfer successful');
    expect(env.state).toEqual(world());
  });
});

describe('calculate (Python eval of the arithmetic alphabet, rounded to 2 decimals)', () => {
  const env = new TauAirline(world());
  const cases: [string, string | { error: string }][] = [
    ['2 + 2', '4.0'],
    ['(883 + 779) * 3', '4986.0'],
    ['1/3', '0.33'],
    ['0.125', '0.12'],
    ['2.675', '2.67'],
    ['-7//2', '-4.0'],
    ['7.5//-2', '-4.0'],
    ['2 ** 3 ** 2', '512.0'],
    ['2**-1', '0.5'],
    ['10**400/10**399', '10.0'],
    ['100000000000000000000', '1e+20'],
    ['00', '0.0'],
    ['', { error: 'invalid syntax (<string>, line 0)' }],
    ['1e5', { error: 'invalid characters in expression' }],
    ['2+', { error: 'invalid syntax (<string>, line 1)' }],
    ['(2', { error: "'(' was never closed (<string>, line 1)" }],
    ['2)', { error: "unmatched ')' (<string>, line 1)" }],
    ['(1 2)', { error: 'invalid syntax. Perhaps you forgot a comma? (<string>, line 1)' }],
    ['(1 2', { error: "'(' was never closed (<string>, line 1)" }],
    [
      '007',
      {
        error:
          'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)',
      },
    ],
    ['1/0', { error: 'division by zero' }],
    ['1.0/0', { error: 'float division by zero' }],
    ['1//0', { error: 'integer division or modulo by zero' }],
    ['0**-1', { error: '0.0 cannot be raised to a negative power' }],
    ['2**10000', { error: 'int too large to convert to float' }],
    ['10.0**400', { error: "(34, 'Numerical result out of range')" }],
    ['(-8)**0.5', { error: "float() argument must be a string or a real number, not 'complex'" }],
    ['()', { error: "float() argument must be a string or a real number, not 'tuple'" }],
    ['2(3)', { error: "'int' object is not callable" }],
    ['()+1', { error: 'can only concatenate tuple (not "int") to tuple' }],
    ['(*5)', { error: 'cannot use starred expression here (<string>, line 1)' }],
  ];
  it.each(cases)('%j', (expression, want) => {
    const result = env.calculate({ expression });
    if (typeof want === 'string') expect(ok(result)).toBe(want);
    else expect(error(result).message).toBe(want.error);
  });
});
