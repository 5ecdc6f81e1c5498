/**
 * Behaviour of the ACEBench environment beyond the reference sequences: loading, routing and the reference
 * quirks that the tasks run into. Expected values follow the reference Python classes.
 */
import { describe, expect, it } from 'vitest';
import type { ToolResult } from '@envscaler/core';
import { AceBench, type State } from '../env.js';
import { TOOL_NAMES } from '../src/replay.js';

function world(involved: string[], base?: Record<string, unknown>): AceBench {
  return new AceBench(
    AceBench.fromConfig({ involved_classes: involved, initial_config: base ? { BaseApi: base } : {} }),
  );
}

function data(result: ToolResult): unknown {
  if (!result.ok) throw new Error(`tool failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

const phone = ['BaseApi', 'MessageApi', 'ReminderApi', 'FoodPlatform'];

describe('loading and routing', () => {
  it('takes the device flags (and only those) from initial_config.BaseApi; defaults: Wi-Fi off, logged in', () => {
    expect(AceBench.fromConfig({ involved_classes: ['BaseApi'] }).device).toEqual({
      wifi: false,
      logged_in: true,
    });
    const state = AceBench.fromConfig({
      involved_classes: ['BaseApi', 'MessageApi', 'MessageApi'],
      initial_config: { BaseApi: { wifi: true, logged_in: false }, MessageApi: { inbox: {} } },
    });
    expect(state.involved).toEqual(['BaseApi', 'MessageApi']);
    expect(state.device).toEqual({ wifi: true, logged_in: false });
    expect(Object.keys(state.MessageApi!.inbox)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(() => AceBench.fromConfig({ involved_classes: ['Finance'] })).toThrow(
      /unknown API class 'Finance'/,
    );
  });

  it("the food platform's logged-in users come from the BaseApi entry too (it is loaded last)", () => {
    const state = AceBench.fromConfig({
      involved_classes: ['FoodPlatform'],
      initial_config: { FoodPlatform: { logged_in_users: ['Eve'] }, BaseApi: { logged_in_users: ['Jack'] } },
    });
    expect(state.FoodPlatform!.logged_in_users).toEqual(['Jack']);
  });

  it('publicState has the compared attributes of each involved class, in order', () => {
    const state = AceBench.fromConfig({ involved_classes: ['Travel', 'FoodPlatform', 'BaseApi'] });
    const pub = AceBench.publicState(state);
    expect(Object.keys(pub)).toEqual(['Travel', 'FoodPlatform', 'BaseApi']);
    expect(Object.keys(pub['Travel']!)).toEqual(['users', 'reservations']);
    expect(Object.keys(pub['FoodPlatform']!)).toEqual(['users', 'logged_in_users', 'orders']);
    expect(pub['BaseApi']).toEqual({ wifi: false, logged_in: true });
  });

  it('tools of classes the task does not involve fail with UNKNOWN_TOOL; device tools need a phone class', () => {
    const travel = world(['Travel']);
    expect(travel.send_message({ sender_name: 'Eve', receiver_name: 'Frank', message: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_TOOL' },
    });
    expect(travel.turn_on_wifi()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TOOL' } });
    const food = world(['FoodPlatform']);
    expect(data(food.turn_on_wifi())).toEqual({ status: true, message: 'Wi-Fi has been turned on' });
    expect(food.state.device.wifi).toBe(true);
  });

  it('has 30 tools; search_reminders (offered by the tasks) is not one of them, as in the reference', () => {
    expect(TOOL_NAMES.size).toBe(30);
    expect(TOOL_NAMES.has('search_reminders')).toBe(false);
    for (const helper of ['update_balance', 'process_refund', 'calculate_price_difference'])
      expect(TOOL_NAMES.has(helper)).toBe(false);
  });
});

describe('messages', () => {
  it('the inbox is full at 6: delete one, then the new message gets id 7 and has no date', () => {
    const env = world(phone, { wifi: true });
    const send = () => env.send_message({ sender_name: 'Eve', receiver_name: 'Frank', message: 'Hi' });
    expect(data(send())).toEqual({
      status: false,
      message: 'Inbox capacity is full. You need to ask the user which message to delete.',
    });
    expect(data(env.get_latest_message_id())).toEqual({
      status: true,
      message: 'The latest message ID is 4',
      message_id: 4,
    });
    expect(data(env.get_earliest_message_id())).toMatchObject({ message_id: 3 });
    expect(data(env.delete_message({ message_id: 4 }))).toEqual({
      status: true,
      message: 'Message ID 4 has been successfully deleted.',
    });
    expect(data(send())).toEqual({ status: true, message: 'Message successfully sent to Frank.' });
    expect(env.state.MessageApi!.inbox['7']).toEqual({
      sender_id: 'USR100',
      receiver_id: 'USR101',
      message: 'Hi',
    });
    // The reference then raises KeyError('time') in every date-based lookup.
    expect(env.get_latest_message_id()).toEqual({
      ok: false,
      error: { code: 'EXCEPTION', message: "'time'" },
    });
    expect(env.get_all_message_times_with_ids()).toMatchObject({ ok: false, error: { message: "'time'" } });
  });

  it('sending needs the device logged in and Wi-Fi; deleting only the login', () => {
    const off = world(phone, { wifi: false, logged_in: true });
    expect(data(off.delete_message({ message_id: 1 }))).toMatchObject({ status: true });
    expect(data(off.send_message({ sender_name: 'Eve', receiver_name: 'Frank', message: 'x' }))).toEqual({
      status: false,
      message: 'Wi-Fi is turned off, cannot send messages at this time',
    });
    const out = world(phone, { wifi: true, logged_in: false });
    expect(data(out.delete_message({ message_id: 1 }))).toEqual({
      status: false,
      message: 'Device not logged in, unable to delete message',
    });
    expect(data(out.search_messages({ user_name: 'Isaac', keyword: 'CALL' }))).toEqual({
      status: true,
      messages: [
        {
          id: 5,
          sender_id: 'USR104',
          receiver_id: 'USR105',
          message: 'Isaac, are you available for a call?',
        },
      ],
    });
  });
});

describe('reminders', () => {
  it('a new reminder is stored under the next key with that key as reminder_id; capacity 6', () => {
    const env = world(['BaseApi', 'ReminderApi']);
    const add = (title: string) =>
      data(env.add_reminder({ title, description: 'd', time: '2024-06-11 16:00' })) as { status: boolean };
    expect(add('A')).toEqual({ status: true, message: "Reminder 'A' was successfully added." });
    expect(env.state.ReminderApi!.reminder_list['4']).toEqual({
      reminder_id: 4,
      title: 'A',
      description: 'd',
      time: '2024-06-11 16:00',
      notified: false,
    });
    expect(add('B').status).toBe(true);
    expect(add('C').status).toBe(true);
    expect(add('D')).toEqual({
      status: false,
      message: 'Reminder capacity is full. Unable to add a new reminder.',
    });
    expect(data(env.delete_reminder({ reminder_id: 1001 }))).toEqual({
      status: false,
      message: 'Reminder ID does not exist.',
    });
    expect(data(env.view_reminder_by_title({ title: 'Team Meeting' }))).toMatchObject({
      status: true,
      reminder: { reminder_id: 1002 },
    });
  });
});

describe('food platform', () => {
  it('orders price each line from the menu; the total is a float in the message; missing quantity is 1', () => {
    const env = world(['BaseApi', 'FoodPlatform'], { wifi: true });
    expect(data(env.login_food_platform({ username: 'Eve', password: 'password123' }))).toEqual({
      status: true,
      message: 'User Eve has successfully logged in!',
    });
    const result = data(
      env.add_food_delivery_order({
        username: 'Eve',
        merchant_name: 'Hema Fresh',
        items: [
          { product: 'Fresh Gift Pack', quantity: 2, note: 'ignored' },
          { product: 'Organic Vegetable Pack' },
        ],
      }),
    );
    expect(result).toEqual({
      status: true,
      message: 'Food delivery order successfully placed with Hema Fresh. Total amount: 213.0 yuan',
    });
    expect(env.state.FoodPlatform!.users['Eve']!.balance).toBe(287);
    expect(env.state.FoodPlatform!.orders[0]!.items).toEqual([
      { product: 'Fresh Gift Pack', quantity: 2, price_per_unit: 99 },
      { product: 'Organic Vegetable Pack', quantity: 1, price_per_unit: 15 },
    ]);
    expect(
      data(
        env.add_food_delivery_order({
          username: 'Eve',
          merchant_name: "Domino's",
          items: [{ product: 'Margherita Pizza', quantity: 1.5 }],
        }),
      ),
    ).toEqual({ status: false, message: 'Invalid quantity 1.5 for product Margherita Pizza' });
    expect(
      data(env.add_food_delivery_order({ username: 'Eve', merchant_name: "Domino's", items: [] })),
    ).toMatchObject({
      status: true,
      message: "Food delivery order successfully placed with Domino's. Total amount: 0.0 yuan",
    });
  });

  it('logging in needs Wi-Fi (not the device login)', () => {
    const env = world(['BaseApi', 'FoodPlatform'], { wifi: false, logged_in: false });
    expect(data(env.login_food_platform({ username: 'Eve', password: 'password123' }))).toEqual({
      status: false,
      message: 'Wi-Fi is not enabled, unable to login',
    });
  });
});

describe('travel', () => {
  const travel = () => world(['Travel']);

  it('a wrong password or an unknown flight make reserve_flight raise, as in the reference', () => {
    const env = travel();
    const args = {
      user_id: 'user2',
      password: 'bad',
      flight_no: 'CA1234',
      cabin: 'Economy Class',
      payment_method: 'bank',
      baggage_count: 1,
    };
    expect(env.reserve_flight(args)).toEqual({
      ok: false,
      error: { code: 'EXCEPTION', message: "'membership_level'" },
    });
    expect(env.reserve_flight({ ...args, password: 'password456', flight_no: 'XX1' })).toMatchObject({
      error: { message: "'NoneType' object is not subscriptable" },
    });
    expect(env.reserve_flight({ ...args, password: 'password456', cabin: 'First Class' })).toMatchObject({
      error: { message: "'First Class'" },
    });
  });

  it('a booking gets the next res_ id, takes a seat and the fare plus extra bags, and records no route', () => {
    const env = travel();
    expect(
      data(
        env.reserve_flight({
          user_id: 'user1',
          password: 'password123',
          flight_no: 'CA1234',
          cabin: 'Economy Class',
          payment_method: 'cash',
          baggage_count: 3,
        }),
      ),
    ).toBe('Booking successful. Reservation ID: res_5. Total cost: 1300 yuan (including baggage fees).');
    const state: State = env.state;
    expect(state.Travel!.users['user1']!.cash_balance).toBe(700);
    expect(state.Travel!.flights[0]!.seats_available).toBe(4);
    expect(state.Travel!.reservations[4]).toEqual({
      reservation_id: 'res_5',
      user_id: 'user1',
      flight_no: 'CA1234',
      payment_method: 'cash',
      cabin: 'Economy Class',
      baggage: 3,
    });
  });

  it('a cabin change is priced on the flight booked before the call; the refund goes back to the payment method', () => {
    const env = travel();
    expect(
      data(
        env.modify_flight({
          user_id: 'user1',
          reservation_id: 'res_2',
          new_flight_no: 'CZ4352',
          new_cabin: 'Economy Class',
        }),
      ),
    ).toBe('Flight number has been changed. Cabin change successful. Price difference refunded: 1100.');
    expect(env.state.Travel!.users['user1']!.bank_balance).toBe(51100);
    expect(data(env.modify_flight({ user_id: 'user1', reservation_id: 'res_2', add_baggage: 2 }))).toBe(
      'Baggage has been added. Additional fee to be paid: 100.',
    );
    expect(data(env.modify_flight({ user_id: 'user2', reservation_id: 'res_4', add_baggage: 1 }))).toBe(
      'Flight information not found.',
    );
  });

  it('cancelling refunds to cash but keeps the reservation', () => {
    const env = travel();
    expect(
      data(env.cancel_reservation({ user_id: 'user1', reservation_id: 'res_1', reason: 'schedule change' })),
    ).toBe('More than 24 hours before departure. Free cancellation successful, 1200 yuan has been refunded.');
    expect(env.state.Travel!.users['user1']!.cash_balance).toBe(3200);
    expect(env.state.Travel!.reservations).toHaveLength(4);
  });

  it('find_transfer_flights pairs legs that connect', () => {
    const env = travel();
    const pairs = data(
      env.find_transfer_flights({
        origin_city: 'Beijing',
        transfer_city: 'Nanjing',
        destination_city: 'Shenzhen',
      }),
    ) as {
      first_leg: { flight_no: string };
      second_leg: { depart_time: string };
    }[];
    expect(pairs.map((p) => [p.first_leg.flight_no, p.second_leg.depart_time])).toEqual([
      ['MU3561', '2024-07-18 12:30:00'],
    ]);
    expect(data(env.get_flight_details({ origin: 'Beijing', destination: 'Shenzhen' }))).toBe(
      'There are no direct flights that meet the criteria.',
    );
  });
});
