/**
 * ACEBench agent environments: the phone platform (device, messages, reminders, food delivery) and the
 * flight travel system that ACEBench's `agent_multi_step` and `agent_multi_turn` tasks run against, as one
 * envscaler environment. A task names its `involved_classes`; only their tools can be called.
 *
 * Behaviour follows the reference Python classes (ACEBench/ACEBench `model_inference/multi_turn/scenariosen/`
 * at commit e6db74b735ead22c24f27367606a9408573b848f, identical to the copy that RUC-NLPIR/EnvScaler runs,
 * `interact_with_env/acebench_env/acebench_envs/` at 87e667397abacf274858c0964796beb8f984aafe), quirks
 * included. This is a reimplementation; see README.md beside this file.
 *
 * Conventions:
 * - What the reference *returns* (status dictionaries, lists, plain strings, numbers) is a successful tool
 *   result whose data is that value. Where the reference *raises*, the tool fails with code `EXCEPTION` and
 *   the message is Python's `str()` of the exception (what ACEBench shows after "Error during execution: ").
 * - A tool whose class is not involved in the task fails with `UNKNOWN_TOOL` (the reference answers
 *   "No matching function found").
 * - State is plain JSON: one object per involved class with the reference attributes under their Python
 *   names (integer dictionary keys as decimal text), plus the device flags.
 */
import { Environment, type ToolResult } from '@envscaler/core';

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// State
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The API classes of the ACEBench agent tasks, in the reference's order. */
export const ACEBENCH_CLASSES = ['BaseApi', 'MessageApi', 'ReminderApi', 'FoodPlatform', 'Travel'] as const;
export type AcebenchClass = (typeof ACEBENCH_CLASSES)[number];

/** The phone classes: each is (or extends) the reference's BaseApi and carries the device flags. */
const PHONE_CLASSES: readonly AcebenchClass[] = ['BaseApi', 'MessageApi', 'ReminderApi', 'FoodPlatform'];

/**
 * The attributes ACEBench compares per class (`SAVED_CLASS` in the reference runner): what
 * `AceBench.publicState` reports.
 */
export const ACEBENCH_SAVED_ATTRIBUTES: Readonly<Record<AcebenchClass, readonly string[]>> = {
  BaseApi: ['wifi', 'logged_in'],
  MessageApi: ['inbox'],
  ReminderApi: ['reminder_list'],
  FoodPlatform: ['users', 'logged_in_users', 'orders'],
  Travel: ['users', 'reservations'],
};

/**
 * The device flags. In the reference every phone class instance has its own copy, but they are always
 * equal: every instance loads the same BaseApi configuration last, and the only tools that change the flags
 * (`turn_on_wifi`, `login_device`) run on every instance that has them. So one copy is kept.
 */
export interface DeviceState {
  /** Wi-Fi on. The value is taken from the scenario as given; only `false` (or 0) counts as off. */
  wifi: Json;
  /** Device logged in; only `false` (or 0) counts as logged out. */
  logged_in: Json;
}

export interface MessageUser {
  user_id: string;
  phone_number: string;
  occupation: string;
}

/** One message. Messages sent through `send_message` have no `time` (as in the reference). */
export interface Message {
  sender_id: string;
  receiver_id: string;
  message: Json;
  time?: string;
}

export interface MessageState {
  max_capacity: number;
  /** Users by name. */
  user_list: Record<string, MessageUser>;
  /** Messages by integer id (decimal text). */
  inbox: Record<string, Message>;
  message_id_counter: number;
}

export interface Reminder {
  reminder_id: number;
  title: Json;
  description: Json;
  time: Json;
  notified: boolean;
}

export interface ReminderState {
  max_capacity: number;
  /** Reminders by integer key (decimal text); the key is not the `reminder_id` for the three initial ones. */
  reminder_list: Record<string, Reminder>;
  reminder_id_counter: number;
}

export interface FoodUser {
  user_id: string;
  password: string;
  balance: number;
}

export interface MenuItem {
  product: string;
  price: number;
}

export interface Merchant {
  merchant_id: string;
  service_type: string;
  menu: MenuItem[];
}

export interface FoodOrderItem {
  product: Json;
  quantity: number;
  price_per_unit: number;
}

export interface FoodOrder {
  user_name: string;
  merchant_name: string;
  items: FoodOrderItem[];
  total_price: number;
}

export interface FoodState {
  /** Platform accounts by user name. */
  users: Record<string, FoodUser>;
  /** Merchants by name. */
  merchant_list: Record<string, Merchant>;
  logged_in_users: Json[];
  orders: FoodOrder[];
}

export interface TravelUser {
  user_name: string;
  password: string;
  cash_balance: number;
  bank_balance: number;
  membership_level: string;
}

export interface Flight {
  flight_no: string;
  origin: string;
  destination: string;
  /** `YYYY-MM-DD HH:MM:SS`. */
  depart_time: string;
  arrival_time: string;
  status: string;
  seats_available: number;
  economy_price: number;
  business_price: number;
}

/** A booking. The initial four carry origin and destination; bookings made by `reserve_flight` do not. */
export interface Reservation {
  reservation_id: string;
  user_id: string;
  flight_no: string;
  payment_method: string;
  cabin: string;
  baggage: number;
  origin?: string;
  destination?: string;
}

export interface TravelState {
  /** Users by user id (`user1` …). */
  users: Record<string, TravelUser>;
  flights: Flight[];
  reservations: Reservation[];
}

/** The whole world of one task. */
export interface State {
  /** The task's `involved_classes`, deduplicated, in order. */
  involved: AcebenchClass[];
  device: DeviceState;
  MessageApi?: MessageState;
  ReminderApi?: ReminderState;
  FoodPlatform?: FoodState;
  Travel?: TravelState;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Initial data (the reference classes' constructors)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

function initialMessages(): MessageState {
  return {
    max_capacity: 6,
    user_list: {
      Eve: { user_id: 'USR100', phone_number: '123-456-7890', occupation: 'Software Engineer' },
      Frank: { user_id: 'USR101', phone_number: '234-567-8901', occupation: 'Data Scientist' },
      Grace: { user_id: 'USR102', phone_number: '345-678-9012', occupation: 'Product Manager' },
      Helen: { user_id: 'USR103', phone_number: '456-789-0123', occupation: 'UX Designer' },
      Isaac: { user_id: 'USR104', phone_number: '567-890-1234', occupation: 'DevOps Engineer' },
      Jack: { user_id: 'USR105', phone_number: '678-901-2345', occupation: 'Marketing Specialist' },
    },
    inbox: {
      '1': {
        sender_id: 'USR100',
        receiver_id: 'USR101',
        message: "Hey Frank, don't forget about our meeting on 2024-06-11 at 4 PM in Conference Room 1.",
        time: '2024-06-09',
      },
      '2': {
        sender_id: 'USR101',
        receiver_id: 'USR102',
        message: 'Can you help me order a "Margherita Pizza" delivery? The merchant is Domino\'s.',
        time: '2024-03-09',
      },
      '3': {
        sender_id: 'USR102',
        receiver_id: 'USR103',
        message:
          'Please check the milk tea delivery options available from Heytea and purchase a cheaper milk tea for me. After making the purchase, remember to reply to me with "Already bought."',
        time: '2023-12-05',
      },
      '4': {
        sender_id: 'USR103',
        receiver_id: 'USR102',
        message: 'No problem Helen, I can assist you.',
        time: '2024-09-09',
      },
      '5': {
        sender_id: 'USR104',
        receiver_id: 'USR105',
        message: 'Isaac, are you available for a call?',
        time: '2024-06-06',
      },
      '6': {
        sender_id: 'USR105',
        receiver_id: 'USR104',
        message: "Yes Jack, let's do it in 30 minutes.",
        time: '2024-01-15',
      },
    },
    message_id_counter: 6,
  };
}

function initialReminders(): ReminderState {
  return {
    max_capacity: 6,
    reminder_list: {
      '1': {
        reminder_id: 1001,
        title: "Doctor's Appointment",
        description: 'Visit Dr. Smith for a checkup.',
        time: '2024-07-15 09:30',
        notified: false,
      },
      '2': {
        reminder_id: 1002,
        title: 'Team Meeting',
        description: 'Monthly project review with the team.',
        time: '2024-07-17 11:00',
        notified: false,
      },
      '3': {
        reminder_id: 1003,
        title: 'To-do list',
        description:
          'First, help Frank place a food delivery order at "Hema Fresh," ordering two "Fresh Gift Packs." Then, send a message to Frank saying, "The price of the purchased goods is () yuan." Replace the parentheses with the actual amount, keeping one decimal place.',
        time: '2024-07-16 11:00',
        notified: false,
      },
    },
    reminder_id_counter: 3,
  };
}

function initialFood(): FoodState {
  const merchant = (id: string, type: string, menu: [string, number][]): Merchant => ({
    merchant_id: id,
    service_type: type,
    menu: menu.map(([product, price]) => ({ product, price })),
  });
  return {
    users: {
      Eve: { user_id: 'U100', password: 'password123', balance: 500 },
      Frank: { user_id: 'U101', password: 'password456', balance: 300 },
      Grace: { user_id: 'U102', password: 'password789', balance: 150 },
      Helen: { user_id: 'U103', password: 'password321', balance: 800 },
      Isaac: { user_id: 'U104', password: 'password654', balance: 400 },
      Jack: { user_id: 'U105', password: 'password654', balance: 120 },
    },
    merchant_list: {
      "Domino's": merchant('M100', 'Pizza', [
        ['Margherita Pizza', 68],
        ['Super Supreme Pizza', 88],
      ]),
      'Rice Village Bibimbap': merchant('M101', 'Bibimbap', [
        ['Stone Pot Bibimbap', 35],
        ['Korean Beef Bibimbap', 45],
      ]),
      Haidilao: merchant('M102', 'Hotpot', [
        ['Beef Rolls', 68],
        ['Seafood Platter', 88],
      ]),
      Heytea: merchant('M103', 'Milk Tea', [
        ['Cheese Milk Tea', 25],
        ['Four Seasons Spring Milk Tea', 22],
      ]),
      'Hema Fresh': merchant('M104', 'Fresh Grocery', [
        ['Organic Vegetable Pack', 15],
        ['Fresh Gift Pack', 99],
      ]),
      'Jiutian BBQ': merchant('M105', 'BBQ', [
        ['Korean Grilled Beef', 128],
        ['Grilled Pork Belly', 78],
      ]),
    },
    logged_in_users: [],
    orders: [],
  };
}

function initialTravel(): TravelState {
  const flight = (
    flight_no: string,
    origin: string,
    destination: string,
    depart_time: string,
    arrival_time: string,
    seats_available: number,
    economy_price: number,
    business_price: number,
  ): Flight => ({
    flight_no,
    origin,
    destination,
    depart_time,
    arrival_time,
    status: 'available',
    seats_available,
    economy_price,
    business_price,
  });
  const reservation = (
    n: number,
    user_id: string,
    flight_no: string,
    cabin: string,
    origin: string,
    destination: string,
  ): Reservation => ({
    reservation_id: `res_${n}`,
    user_id,
    flight_no,
    payment_method: 'bank',
    cabin,
    baggage: 1,
    origin,
    destination,
  });
  return {
    users: {
      user1: {
        user_name: 'Eve',
        password: 'password123',
        cash_balance: 2000,
        bank_balance: 50000,
        membership_level: 'regular',
      },
      user2: {
        user_name: 'Frank',
        password: 'password456',
        cash_balance: 8000,
        bank_balance: 8000,
        membership_level: 'silver',
      },
      user3: {
        user_name: 'Grace',
        password: 'password789',
        cash_balance: 1000,
        bank_balance: 5000,
        membership_level: 'gold',
      },
    },
    flights: [
      flight('CA1234', 'Beijing', 'Shanghai', '2024-07-15 08:00:00', '2024-07-15 10:30:00', 5, 1200, 3000),
      flight('MU5678', 'Shanghai', 'Beijing', '2024-07-16 09:00:00', '2024-07-16 11:30:00', 3, 1900, 3000),
      flight('CZ4321', 'Shanghai', 'Beijing', '2024-07-16 20:00:00', '2024-07-16 22:00:00', 8, 2500, 4000),
      flight('CZ4352', 'Shanghai', 'Beijing', '2024-07-17 20:00:00', '2024-07-17 22:00:00', 8, 1600, 2500),
      flight('MU3561', 'Beijing', 'Nanjing', '2024-07-18 08:00:00', '2024-07-18 10:00:00', 8, 1500, 4000),
      flight('MU1566', 'Beijing', 'Nanjing', '2024-07-18 20:00:00', '2024-07-18 22:00:00', 8, 1500, 4000),
      flight('CZ1765', 'Nanjing', 'Shenzhen', '2024-07-17 20:30:00', '2024-07-17 22:00:00', 8, 1500, 2500),
      flight('CZ1765', 'Nanjing', 'Shenzhen', '2024-07-18 12:30:00', '2024-07-18 15:00:00', 8, 1500, 2500),
      flight('MH1765', 'Xiamen', 'Chengdu', '2024-07-17 12:30:00', '2024-07-17 15:00:00', 8, 1500, 2500),
      flight('MH2616', 'Chengdu', 'Xiamen', '2024-07-18 18:30:00', '2024-07-18 21:00:00', 8, 1500, 2500),
      flight('MH2616', 'Chengdu', 'Fuzhou', '2024-07-16 18:30:00', '2024-07-16 21:00:00', 8, 1500, 2500),
    ],
    reservations: [
      reservation(1, 'user1', 'CA1234', 'Economy Class', 'Beijing', 'Shanghai'),
      reservation(2, 'user1', 'MU5678', 'Business Class', 'Shanghai', 'Beijing'),
      reservation(3, 'user2', 'MH1765', 'Business Class', 'Xiamen', 'Chengdu'),
      // The reference books MU2616, a flight that does not exist (MH2616 does).
      reservation(4, 'user2', 'MU2616', 'Business Class', 'Chengdu', 'Xiamen'),
    ],
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Python semantics the messages and errors depend on
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A Python exception: `message` is what `str(exception)` gives. (`name` is left alone: the sandbox's
 * hardened Error prototype makes it read-only.)
 */
class PyError extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value == False` in Python, for JSON values. */
function isPyFalse(value: unknown): boolean {
  return value === false || value === 0;
}

/** Python's truthiness of a JSON value. */
function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

/** Python's `repr(str)`. */
function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && !/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch) && ch !== ' ') {
      const hex = code.toString(16);
      out +=
        code <= 0xff
          ? `\\x${hex.padStart(2, '0')}`
          : code <= 0xffff
            ? `\\u${hex.padStart(4, '0')}`
            : `\\U${hex.padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** Python's `repr(float)`: shortest round-trip digits, '.0' on whole numbers, exponent outside [1e-4, 1e16). */
function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const text = String(x);
    return Number.isInteger(x) ? `${text}.0` : text;
  }
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** A number as Python prints it when it holds an int for whole values (prices, baggage) and a float otherwise. */
function pyNum(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e16 ? String(x) : pyFloat(x);
}

/** Python's `str()` of a JSON value (strings as-is, containers as their repr). */
function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

/** Python's `repr()` of a JSON value. */
function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNum(value);
  if (typeof value === 'string') return pyStrRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isRecord(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  return String(value);
}

/** Python's `str(KeyError(key))`. */
function keyError(key: unknown): PyError {
  return new PyError('KeyError', pyRepr(key));
}

const TYPE_NAMES: Record<string, string> = {
  string: 'str',
  number: 'int',
  boolean: 'bool',
  undefined: 'NoneType',
};

function pyTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'float';
  if (isRecord(value)) return 'dict';
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/** `a - b` for Python numbers; other operands raise the TypeError Python raises. */
function pySub(a: unknown, b: unknown): number {
  if (typeof a !== 'number' || typeof b !== 'number')
    throw new PyError(
      'TypeError',
      `unsupported operand type(s) for -: '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
    );
  return a - b;
}

/** `a > b` for Python numbers. */
function pyGreater(a: unknown, b: number): boolean {
  if (typeof a !== 'number' && typeof a !== 'boolean')
    throw new PyError(
      'TypeError',
      `'>' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
    );
  return Number(a) > b;
}

/** What `for x in value` visits, for JSON values (a dict's keys, a str's characters). */
function pyIter(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (isRecord(value)) return Object.keys(value);
  throw new PyError('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}

/** `.lower()` of a value that must be a str. */
function lower(value: unknown): string {
  if (typeof value !== 'string')
    throw new PyError('AttributeError', `'${pyTypeName(value)}' object has no attribute 'lower'`);
  return value.toLowerCase();
}

/** `needle in haystack` for two strings. */
function contains(haystack: string, needle: string): boolean {
  return haystack.includes(needle);
}

/** `datetime.strptime(text, "%Y-%m-%d")` (or with " %H:%M:%S"), as a comparable number of seconds. */
function parseTime(text: unknown, withClock: boolean): number {
  const format = withClock ? '%Y-%m-%d %H:%M:%S' : '%Y-%m-%d';
  if (typeof text !== 'string')
    throw new PyError('TypeError', `strptime() argument 1 must be str, not ${pyTypeName(text)}`);
  const match = withClock
    ? /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(text)
    : /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match)
    throw new PyError('ValueError', `time data ${pyStrRepr(text)} does not match format '${format}'`);
  const [y, mo, d, h = '0', mi = '0', s = '0'] = match.slice(1) as string[];
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
}

/** Decimal text of a dictionary key given as a Python int (what the JSON state uses as key), or undefined. */
function intKey(value: unknown): string | undefined {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value)) return String(value);
  return undefined;
}

/** The cancellation clock of the travel system: 2024-07-14 06:00:00. */
const TRAVEL_NOW = Date.UTC(2024, 6, 14, 6, 0, 0) / 1000;
const ONE_DAY = 24 * 3600;

const BAGGAGE_ALLOWANCE: Record<string, Record<string, number>> = {
  regular: { 'Economy Class': 1, 'Business Class': 2 },
  silver: { 'Economy Class': 2, 'Business Class': 3 },
  gold: { 'Economy Class': 3, 'Business Class': 3 },
};

function lookup<T>(record: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && hasOwn(record, key) ? record[key] : undefined;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// The environment
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The scenario part of an ACEBench task: the classes it involves and their initial configuration. */
export interface AcebenchConfig {
  involved_classes: string[];
  /** Overrides keyed by class name; only `BaseApi`'s `wifi`, `logged_in` (and `logged_in_users`) take effect. */
  initial_config?: Record<string, unknown>;
}

/**
 * A simulated phone (Wi-Fi and device login, a six-slot message inbox, reminders, a food delivery platform
 * with accounts and balances) and a flight booking system (flights, users with cash and bank balances,
 * reservations that can be booked, changed and cancelled). A task involves some of these classes; only
 * their tools can be called.
 */
export class AceBench extends Environment<State> {
  /**
   * The initial state of a task: a fresh instance of each involved class. As in the reference, each class
   * loads its own entry of `initial_config` and then the `BaseApi` entry, so the device flags always come
   * from `initial_config.BaseApi` (Wi-Fi off and logged in by default), and so do the food platform's
   * logged-in users (none by default). The message inbox, reminders, accounts and flights always start from
   * the reference's fixed data.
   */
  static fromConfig(config: AcebenchConfig): State {
    if (!isRecord(config) || !Array.isArray(config.involved_classes))
      throw new Error('acebench: the config needs involved_classes (an array of class names)');
    const initial = isRecord(config.initial_config) ? config.initial_config : {};
    const base = isRecord(initial['BaseApi']) ? initial['BaseApi'] : {};
    const state: State = {
      involved: [],
      device: {
        wifi: hasOwn(base, 'wifi') ? clone(base['wifi'] as Json) : false,
        logged_in: hasOwn(base, 'logged_in') ? clone(base['logged_in'] as Json) : true,
      },
    };
    for (const name of config.involved_classes) {
      if (!(ACEBENCH_CLASSES as readonly string[]).includes(name))
        throw new Error(`acebench: unknown API class '${String(name)}'`);
      const cls = name as AcebenchClass;
      if (state.involved.includes(cls)) continue;
      state.involved.push(cls);
      if (cls === 'MessageApi') state.MessageApi = initialMessages();
      else if (cls === 'ReminderApi') state.ReminderApi = initialReminders();
      else if (cls === 'FoodPlatform') {
        state.FoodPlatform = initialFood();
        if (hasOwn(base, 'logged_in_users'))
          state.FoodPlatform.logged_in_users = clone(base['logged_in_users'] as Json[]);
      } else if (cls === 'Travel') state.Travel = initialTravel();
    }
    return state;
  }

  /**
   * What ACEBench compares: `{<class>: {<attribute>: value}}` for each involved class, with the attributes
   * of `ACEBENCH_SAVED_ATTRIBUTES` (BaseApi: wifi, logged_in; MessageApi: inbox; ReminderApi: reminder_list;
   * FoodPlatform: users, logged_in_users, orders; Travel: users, reservations).
   */
  static publicState(state: State): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const cls of state.involved) {
      const attributes: Record<string, unknown> = {};
      const source: Record<string, unknown> | undefined =
        cls === 'BaseApi'
          ? (state.device as unknown as Record<string, unknown>)
          : (state[cls] as unknown as Record<string, unknown> | undefined);
      if (!source) continue;
      for (const attribute of ACEBENCH_SAVED_ATTRIBUTES[cls])
        attributes[attribute] = clone(source[attribute]);
      out[cls] = attributes;
    }
    return out;
  }

  /** Run a tool body for a class, mapping Python exceptions to failures. `'phone'`: any phone class. */
  private run(cls: AcebenchClass | 'phone', tool: string, body: () => unknown): ToolResult {
    const available =
      cls === 'phone'
        ? this.state.involved.some((c) => PHONE_CLASSES.includes(c))
        : this.state.involved.includes(cls) && (cls === 'BaseApi' || this.state[cls] !== undefined);
    if (!available) {
      const owner = cls === 'phone' ? 'a phone class (BaseApi, MessageApi, ReminderApi, FoodPlatform)' : cls;
      return this.fail(
        'UNKNOWN_TOOL',
        `No matching function found: '${tool}' belongs to ${owner}, which this task does not involve.`,
      );
    }
    try {
      const result = body();
      return this.ok(result === undefined ? null : clone(result));
    } catch (error) {
      if (error instanceof PyError) return this.fail('EXCEPTION', error.message);
      throw error;
    }
  }

  private get messages(): MessageState {
    return this.state.MessageApi as MessageState;
  }

  private get reminders(): ReminderState {
    return this.state.ReminderApi as ReminderState;
  }

  private get food(): FoodState {
    return this.state.FoodPlatform as FoodState;
  }

  private get travel(): TravelState {
    return this.state.Travel as TravelState;
  }

  // ── BaseApi (every phone class) ──────────────────────────────────────────────────────────────────

  /**
   * Device: turn Wi-Fi on. Returns `{status: true, message}`.
   * @mutation
   */
  turn_on_wifi(_args: Record<never, never> = {}): ToolResult {
    return this.run('phone', 'turn_on_wifi', () => {
      this.state.device.wifi = true;
      return { status: true, message: 'Wi-Fi has been turned on' };
    });
  }

  /**
   * Device: log in to the device. Returns `{status: true, message}`.
   * @mutation
   */
  login_device(_args: Record<never, never> = {}): ToolResult {
    return this.run('phone', 'login_device', () => {
      this.state.device.logged_in = true;
      return { status: true, message: 'Device has been logged in' };
    });
  }

  // ── MessageApi ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Messages: send a text message from one user to another (users by name, e.g. 'Eve'). Needs the device
   * logged in and Wi-Fi on, and fails while the inbox holds its maximum of 6 messages. Returns
   * `{status, message}`.
   * @mutation
   */
  send_message(args: {
    /** Name of the sending user. */
    sender_name: string;
    /** Name of the receiving user. */
    receiver_name: string;
    /** The text to send. */
    message: string;
  }): ToolResult {
    return this.run('MessageApi', 'send_message', () => {
      const m = this.messages;
      if (isPyFalse(this.state.device.logged_in))
        return { status: false, message: 'Device not logged in, unable to send message' };
      if (isPyFalse(this.state.device.wifi))
        return { status: false, message: 'Wi-Fi is turned off, cannot send messages at this time' };
      if (Object.keys(m.inbox).length >= m.max_capacity)
        return {
          status: false,
          message: 'Inbox capacity is full. You need to ask the user which message to delete.',
        };
      const sender = lookup(m.user_list, args.sender_name);
      const receiver = lookup(m.user_list, args.receiver_name);
      if (!sender || !receiver) return { status: false, message: 'Sender or receiver does not exist' };
      m.message_id_counter += 1;
      m.inbox[String(m.message_id_counter)] = {
        sender_id: sender.user_id,
        receiver_id: receiver.user_id,
        message: args.message as Json,
      };
      return { status: true, message: `Message successfully sent to ${pyStr(args.receiver_name)}.` };
    });
  }

  /**
   * Messages: delete a message by its id. Needs the device logged in. Returns `{status, message}`.
   * @mutation
   */
  delete_message(args: {
    /** Id of the message to delete. */
    message_id: number;
  }): ToolResult {
    return this.run('MessageApi', 'delete_message', () => {
      const m = this.messages;
      if (isPyFalse(this.state.device.logged_in))
        return { status: false, message: 'Device not logged in, unable to delete message' };
      const key = intKey(args.message_id);
      if (key === undefined || !hasOwn(m.inbox, key))
        return { status: false, message: 'Message ID does not exist' };
      delete m.inbox[key];
      return { status: true, message: `Message ID ${pyStr(args.message_id)} has been successfully deleted.` };
    });
  }

  /**
   * Messages: the messages one user sent to another, with their ids. Needs the device logged in. Returns
   * `{status: true, messages: [{id, sender, receiver, message}]}` or `{status: false, message}`.
   * @query
   */
  view_messages_between_users(args: {
    /** Name of the sender. */
    sender_name: string;
    /** Name of the receiver. */
    receiver_name: string;
  }): ToolResult {
    return this.run('MessageApi', 'view_messages_between_users', () => {
      const m = this.messages;
      if (isPyFalse(this.state.device.logged_in))
        return { status: false, message: 'Device not logged in, unable to view message information' };
      const sender = lookup(m.user_list, args.sender_name);
      if (!sender) return { status: false, message: 'Sender does not exist' };
      const receiver = lookup(m.user_list, args.receiver_name);
      if (!receiver) return { status: false, message: 'Receiver does not exist' };
      const found = Object.entries(m.inbox)
        .filter(([, msg]) => msg.sender_id === sender.user_id && msg.receiver_id === receiver.user_id)
        .map(([id, msg]) => ({
          id: Number(id),
          sender: args.sender_name,
          receiver: args.receiver_name,
          message: msg.message,
        }));
      if (found.length === 0) return { status: false, message: 'No related message records found' };
      return { status: true, messages: found };
    });
  }

  /**
   * Messages: a user's sent and received messages that contain a keyword (case-insensitive). Returns
   * `{status: true, messages: [{id, sender_id, receiver_id, message}]}` or `{status: false, message}`.
   * @query
   */
  search_messages(args: {
    /** Name of the user whose messages are searched. */
    user_name: string;
    /** Text to look for. */
    keyword: string;
  }): ToolResult {
    return this.run('MessageApi', 'search_messages', () => {
      const m = this.messages;
      const user = lookup(m.user_list, args.user_name);
      if (!user) return { status: false, message: 'User does not exist' };
      const found: Json[] = [];
      for (const [id, msg] of Object.entries(m.inbox)) {
        if (msg.sender_id !== user.user_id && msg.receiver_id !== user.user_id) continue;
        const keyword = lower(args.keyword);
        if (!contains(lower(msg.message), keyword)) continue;
        found.push({
          id: Number(id),
          sender_id: msg.sender_id,
          receiver_id: msg.receiver_id,
          message: msg.message,
        });
      }
      if (found.length === 0) return { status: false, message: 'No messages found containing the keyword' };
      return { status: true, messages: found };
    });
  }

  /**
   * Messages: the date of every message by message id (`{id: 'YYYY-MM-DD'}`). Needs the device logged in;
   * raises while the inbox holds a message sent in this session (those have no date).
   * @query
   */
  get_all_message_times_with_ids(_args: Record<never, never> = {}): ToolResult {
    return this.run('MessageApi', 'get_all_message_times_with_ids', () => {
      const m = this.messages;
      if (isPyFalse(this.state.device.logged_in))
        return {
          status: false,
          message:
            'Device not logged in, unable to retrieve all message times and their corresponding message IDs.',
        };
      const out: Record<string, Json> = {};
      for (const [id, msg] of Object.entries(m.inbox)) {
        if (!hasOwn(msg, 'time')) throw keyError('time');
        out[id] = msg.time as string;
      }
      return out;
    });
  }

  /**
   * Messages: the id of the message with the latest date. Needs the device logged in; raises while the inbox
   * holds a message sent in this session (those have no date). Returns `{status, message, message_id}`.
   * @query
   */
  get_latest_message_id(_args: Record<never, never> = {}): ToolResult {
    return this.run('MessageApi', 'get_latest_message_id', () => this.extremeMessage('latest'));
  }

  /**
   * Messages: the id of the message with the earliest date. Needs the device logged in; raises while the
   * inbox holds a message sent in this session. Returns `{status, message, message_id}`.
   * @query
   */
  get_earliest_message_id(_args: Record<never, never> = {}): ToolResult {
    return this.run('MessageApi', 'get_earliest_message_id', () => this.extremeMessage('earliest'));
  }

  private extremeMessage(which: 'latest' | 'earliest'): unknown {
    const m = this.messages;
    if (isPyFalse(this.state.device.logged_in))
      return {
        status: false,
        message: `Device not logged in, unable to retrieve the ${which} sent message ID.`,
      };
    const entries = Object.entries(m.inbox);
    if (entries.length === 0) return { status: false, message: 'No message records found' };
    let bestId: number | undefined;
    let bestTime: number | undefined;
    for (const [id, msg] of entries) {
      if (!hasOwn(msg, 'time')) throw keyError('time');
      const t = parseTime(msg.time, false);
      if (bestTime === undefined || (which === 'latest' ? t > bestTime : t < bestTime)) {
        bestTime = t;
        bestId = Number(id);
      }
    }
    return { status: true, message: `The ${which} message ID is ${bestId}`, message_id: bestId };
  }

  // ── ReminderApi ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Reminders: the first reminder with exactly this title. Needs the device logged in. Returns
   * `{status: true, reminder}` or `{status: false, message}`.
   * @query
   */
  view_reminder_by_title(args: {
    /** The reminder's title. */
    title: string;
  }): ToolResult {
    return this.run('ReminderApi', 'view_reminder_by_title', () => {
      if (isPyFalse(this.state.device.logged_in))
        return { status: false, message: 'The device is not logged in, so you cannot view notifications' };
      for (const reminder of Object.values(this.reminders.reminder_list)) {
        if (reminder.title === args.title) return { status: true, reminder };
      }
      return { status: false, message: `No reminder found with the title '${pyStr(args.title)}'.` };
    });
  }

  /**
   * Reminders: add a reminder (at most 6). Needs the device logged in. Returns `{status, message}`.
   * @mutation
   */
  add_reminder(args: {
    /** Title of the reminder. */
    title: string;
    /** What the reminder is about. */
    description: string;
    /** When, as `YYYY-MM-DD HH:MM`. */
    time: string;
  }): ToolResult {
    return this.run('ReminderApi', 'add_reminder', () => {
      const r = this.reminders;
      if (isPyFalse(this.state.device.logged_in))
        return { status: false, message: 'Device not logged in. Unable to add a new reminder.' };
      if (Object.keys(r.reminder_list).length >= r.max_capacity)
        return { status: false, message: 'Reminder capacity is full. Unable to add a new reminder.' };
      r.reminder_id_counter += 1;
      const id = r.reminder_id_counter;
      r.reminder_list[String(id)] = {
        reminder_id: id,
        title: args.title as Json,
        description: args.description as Json,
        time: args.time as Json,
        notified: false,
      };
      return { status: true, message: `Reminder '${pyStr(args.title)}' was successfully added.` };
    });
  }

  /**
   * Reminders: delete a reminder by its key in the reminder list (1, 2, … — not its `reminder_id` for the
   * three initial reminders). Needs the device logged in. Returns `{status, message}`.
   * @mutation
   */
  delete_reminder(args: {
    /** Key of the reminder to delete. */
    reminder_id: number;
  }): ToolResult {
    return this.run('ReminderApi', 'delete_reminder', () => {
      const r = this.reminders;
      if (isPyFalse(this.state.device.logged_in))
        return { status: false, message: 'Device not logged in. Unable to delete the specified reminder.' };
      const key = intKey(args.reminder_id);
      if (key === undefined || !hasOwn(r.reminder_list, key))
        return { status: false, message: 'Reminder ID does not exist.' };
      delete r.reminder_list[key];
      return { status: true, message: `Reminder ID ${pyStr(args.reminder_id)} was successfully deleted.` };
    });
  }

  /**
   * Reminders: every reminder (title, description, time, notified). Returns `{status: true, reminders}` or
   * `{status: false, message}` when there are none.
   * @query
   */
  view_all_reminders(_args: Record<never, never> = {}): ToolResult {
    return this.run('ReminderApi', 'view_all_reminders', () => {
      const list = Object.values(this.reminders.reminder_list);
      if (list.length === 0) return { status: false, message: 'No reminders found.' };
      return {
        status: true,
        reminders: list.map((r) => ({
          title: r.title,
          description: r.description,
          time: r.time,
          notified: r.notified,
        })),
      };
    });
  }

  // ── FoodPlatform ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Food delivery: log a platform user in with username and password. Needs Wi-Fi. Returns
   * `{status, message}`.
   * @mutation
   */
  login_food_platform(args: {
    /** The platform username (e.g. 'Eve'). */
    username: string;
    /** The account's password. */
    password: string;
  }): ToolResult {
    return this.run('FoodPlatform', 'login_food_platform', () => {
      const f = this.food;
      if (isPyFalse(this.state.device.wifi))
        return { status: false, message: 'Wi-Fi is not enabled, unable to login' };
      const user = lookup(f.users, args.username);
      if (!user) return { status: false, message: 'User does not exist' };
      if (user.password !== args.password) return { status: false, message: 'Incorrect password' };
      if (f.logged_in_users.includes(args.username))
        return { status: false, message: `${pyStr(args.username)} is already logged in` };
      f.logged_in_users.push(args.username);
      return { status: true, message: `User ${pyStr(args.username)} has successfully logged in!` };
    });
  }

  /**
   * Food delivery: the users logged in to the platform. Returns `{status: true, logged_in_users}` or
   * `{status: false, message}`.
   * @query
   */
  view_logged_in_users(_args: Record<never, never> = {}): ToolResult {
    return this.run('FoodPlatform', 'view_logged_in_users', () => {
      const f = this.food;
      if (f.logged_in_users.length === 0)
        return { status: false, message: 'No users are currently logged in to the food platform' };
      return { status: true, logged_in_users: f.logged_in_users };
    });
  }

  /**
   * Food delivery: a platform user's balance in yuan (0 for an unknown user).
   * @query
   */
  check_balance(args: {
    /** The platform username. */
    user_name: string;
  }): ToolResult {
    return this.run(
      'FoodPlatform',
      'check_balance',
      () => lookup(this.food.users, args.user_name)?.balance ?? 0,
    );
  }

  /**
   * Food delivery: place an order with one merchant for a logged-in user; the total is taken from the
   * user's balance. Returns `{status, message}` (the message gives the total).
   * @mutation
   */
  add_food_delivery_order(args: {
    /** The ordering platform user (must be logged in). */
    username: string;
    /** The merchant, e.g. "Domino's". */
    merchant_name: string;
    /** The products and quantities (a missing quantity means 1). */
    items: {
      /** Product name as on the merchant's menu. */
      product: string;
      /** How many (a positive whole number). */
      quantity?: number;
      /** Other fields are ignored, as in the reference. */
      [field: string]: unknown;
    }[];
  }): ToolResult {
    return this.run('FoodPlatform', 'add_food_delivery_order', () => {
      const f = this.food;
      if (!f.logged_in_users.includes(args.username))
        return {
          status: false,
          message: `User ${pyStr(args.username)} is not logged in to the food platform`,
        };
      const merchant = lookup(f.merchant_list, args.merchant_name);
      if (!merchant) return { status: false, message: 'Merchant does not exist' };
      let total = 0;
      const lines: FoodOrderItem[] = [];
      for (const item of pyIter(args.items)) {
        if (!isRecord(item))
          throw new PyError('AttributeError', `'${pyTypeName(item)}' object has no attribute 'get'`);
        const product = hasOwn(item, 'product') ? (item['product'] as Json) : null;
        const quantity = hasOwn(item, 'quantity') ? item['quantity'] : 1;
        const whole =
          typeof quantity === 'boolean' || (typeof quantity === 'number' && Number.isInteger(quantity));
        if (!whole || Number(quantity) <= 0)
          return {
            status: false,
            message: `Invalid quantity ${pyStr(quantity)} for product ${pyStr(product)}`,
          };
        const entry = merchant.menu.find((p) => p.product === product);
        if (!entry)
          return {
            status: false,
            message: `Product ${pyStr(product)} does not exist in ${pyStr(args.merchant_name)}'s menu`,
          };
        total += entry.price * Number(quantity);
        lines.push({ product, quantity: quantity as number, price_per_unit: entry.price });
      }
      const user = f.users[args.username] as FoodUser;
      if (total > user.balance) return { status: false, message: 'Insufficient balance to place the order' };
      user.balance -= total;
      f.orders.push({
        user_name: args.username,
        merchant_name: args.merchant_name,
        items: lines,
        total_price: total,
      });
      return {
        status: true,
        message: `Food delivery order successfully placed with ${pyStr(args.merchant_name)}. Total amount: ${pyFloat(total)} yuan`,
      };
    });
  }

  /**
   * Food delivery: a merchant's menu, `[{product, price}]`, or `{status: false, message}`.
   * @query
   */
  get_products(args: {
    /** The merchant, e.g. 'Heytea'. */
    merchant_name: string;
  }): ToolResult {
    return this.run('FoodPlatform', 'get_products', () => {
      const merchant = lookup(this.food.merchant_list, args.merchant_name);
      if (merchant) return merchant.menu;
      return { status: false, message: `Merchant '${pyStr(args.merchant_name)}' does not exist` };
    });
  }

  /**
   * Food delivery: a user's orders. Returns `{status: true, orders}` or `{status: false, message}`.
   * @query
   */
  view_orders(args: {
    /** The platform username. */
    user_name: string;
  }): ToolResult {
    return this.run('FoodPlatform', 'view_orders', () => {
      const orders = this.food.orders.filter((o) => o.user_name === args.user_name);
      if (orders.length === 0) return { status: false, message: 'User has no order records' };
      return { status: true, orders };
    });
  }

  /**
   * Food delivery: orders whose merchant or a product contains a keyword (case-insensitive). Returns
   * `{status: true, orders}` or `{status: false, message}`.
   * @query
   */
  search_orders(args: {
    /** Text to look for. */
    keyword: string;
  }): ToolResult {
    return this.run('FoodPlatform', 'search_orders', () => {
      const orders = this.food.orders.filter(
        (o) =>
          contains(lower(o.merchant_name), lower(args.keyword)) ||
          o.items.some((i) => contains(lower(i.product), lower(args.keyword))),
      );
      if (orders.length === 0) return { status: false, message: 'No matching orders found' };
      return { status: true, orders };
    });
  }

  // ── Travel ───────────────────────────────────────────────────────────────────────────────────────

  /**
   * Travel: flights filtered by origin and/or destination city (all flights without either). Returns a list
   * of flights or a text when none match.
   * @query
   */
  get_flight_details(
    args: {
      /** Departure city, e.g. 'Beijing'. */
      origin?: string | null;
      /** Arrival city. */
      destination?: string | null;
    } = {},
  ): ToolResult {
    return this.run('Travel', 'get_flight_details', () => {
      let flights = this.travel.flights;
      if (truthy(args.origin)) flights = flights.filter((f) => f.origin === args.origin);
      if (truthy(args.destination)) flights = flights.filter((f) => f.destination === args.destination);
      if (flights.length === 0) return 'There are no direct flights that meet the criteria.';
      return flights.map((f) => ({ ...f }));
    });
  }

  /**
   * Travel: a user's profile without the password (name, balances, membership level), or an error object.
   * @query
   */
  get_user_details(args: {
    /** User id, e.g. 'user1'. */
    user_id: string;
    /** The user's password. */
    password: string;
  }): ToolResult {
    return this.run('Travel', 'get_user_details', () => {
      const user = lookup(this.travel.users, args.user_id);
      if (user && user.password === args.password) {
        const { password: _password, ...rest } = user;
        return rest;
      }
      return { status: 'error', message: 'Incorrect username or password.' };
    });
  }

  /**
   * Travel: reservations by reservation id, or else by user id, each with the booked flight's details
   * (`flight_info`, null when the flight is unknown).
   * @query
   */
  get_reservation_details(
    args: {
      /** Reservation id, e.g. 'res_1' (takes precedence). */
      reservation_id?: string | null;
      /** User id, e.g. 'user1'. */
      user_id?: string | null;
    } = {},
  ): ToolResult {
    return this.run('Travel', 'get_reservation_details', () => {
      const t = this.travel;
      let reservations: Reservation[];
      if (truthy(args.reservation_id))
        reservations = t.reservations.filter((r) => r.reservation_id === args.reservation_id);
      else if (truthy(args.user_id)) reservations = t.reservations.filter((r) => r.user_id === args.user_id);
      else return { status: 'error', message: 'Please provide a valid reservation ID or user ID' };
      return reservations.map((r) => ({
        ...r,
        flight_info: t.flights.find((f) => f.flight_no === r.flight_no) ?? null,
      }));
    });
  }

  /**
   * Travel: check a user id and password. Returns the user's record (password included) or an error object.
   * @query
   */
  authenticate_user(args: {
    /** User id. */
    user_id: string;
    /** Password. */
    password: string;
  }): ToolResult {
    return this.run('Travel', 'authenticate_user', () => this.authenticate(args.user_id, args.password));
  }

  private authenticate(userId: unknown, password: unknown): TravelUser | { status: string; message: string } {
    const user = lookup(this.travel.users, userId);
    if (user && user.password === password) return user;
    return { status: 'error', message: 'Incorrect username or password.' };
  }

  /**
   * Travel: free checked bags for a membership level ('regular', 'silver', 'gold') and cabin
   * ('Economy Class', 'Business Class'); 0 when either is unknown.
   * @query
   */
  get_baggage_allowance(args: {
    /** 'regular', 'silver' or 'gold'. */
    membership_level: string;
    /** 'Economy Class' or 'Business Class'. */
    cabin_class: string;
  }): ToolResult {
    return this.run('Travel', 'get_baggage_allowance', () =>
      this.allowance(args.membership_level, args.cabin_class),
    );
  }

  private allowance(level: unknown, cabin: unknown): number {
    const byCabin = lookup(BAGGAGE_ALLOWANCE, level);
    return (byCabin && lookup(byCabin, cabin)) ?? 0;
  }

  /**
   * Travel: two-leg connections through a transfer city where the first leg lands before the second
   * departs. Returns `[{first_leg, second_leg}]` or a text when there are none.
   * @query
   */
  find_transfer_flights(args: {
    /** Departure city. */
    origin_city: string;
    /** Transfer city. */
    transfer_city: string;
    /** Final destination city. */
    destination_city: string;
  }): ToolResult {
    return this.run('Travel', 'find_transfer_flights', () => {
      const flights = this.travel.flights;
      const first = flights.filter(
        (f) =>
          f.origin === args.origin_city && f.destination === args.transfer_city && f.status === 'available',
      );
      const second = flights.filter(
        (f) =>
          f.origin === args.transfer_city &&
          f.destination === args.destination_city &&
          f.status === 'available',
      );
      const out: { first_leg: Flight; second_leg: Flight }[] = [];
      for (const a of first) {
        const arrival = parseTime(a.arrival_time, true);
        for (const b of second) {
          if (arrival < parseTime(b.depart_time, true)) out.push({ first_leg: a, second_leg: b });
        }
      }
      return out.length > 0 ? out : 'No connecting flights that meet the criteria were found.';
    });
  }

  /**
   * Travel: the fee for checked bags beyond the free allowance (50 yuan each). Raises for an unknown
   * membership level or cabin.
   * @query
   */
  calculate_baggage_fee(args: {
    /** 'regular', 'silver' or 'gold'. */
    membership_level: string;
    /** 'Economy Class' or 'Business Class'. */
    cabin_class: string;
    /** Number of checked bags. */
    baggage_count: number;
  }): ToolResult {
    return this.run('Travel', 'calculate_baggage_fee', () =>
      this.baggageFee(args.membership_level, args.cabin_class, args.baggage_count),
    );
  }

  private baggageFee(level: unknown, cabin: unknown, count: unknown): number {
    const byCabin = lookup(BAGGAGE_ALLOWANCE, level);
    if (!byCabin) throw keyError(level);
    const free = lookup(byCabin, cabin);
    if (free === undefined) throw keyError(cabin);
    return Math.max(pySub(count, free), 0) * 50;
  }

  /**
   * Travel: book a flight for a user (id and password), in 'Economy Class' or 'Business Class', paid by
   * 'cash' or 'bank', with a number of checked bags (bags beyond the allowance cost 50 yuan each). Returns a
   * text with the reservation id and total cost, or why it failed.
   * @mutation
   */
  reserve_flight(args: {
    /** User id, e.g. 'user2'. */
    user_id: string;
    /** The user's password. */
    password: string;
    /** Flight number, e.g. 'CA1234'. */
    flight_no: string;
    /** 'Economy Class' or 'Business Class'. */
    cabin: string;
    /** 'cash' or 'bank'. */
    payment_method: string;
    /** Number of checked bags. */
    baggage_count: number;
  }): ToolResult {
    return this.run('Travel', 'reserve_flight', () => {
      const t = this.travel;
      // The reference's authentication answers an error object, never a false value, so it never stops here.
      const user = this.authenticate(args.user_id, args.password) as Record<string, unknown>;
      const flight = t.flights.find((f) => f.flight_no === args.flight_no && f.status === 'available');
      if (!flight) throw new PyError('TypeError', "'NoneType' object is not subscriptable");
      const price = args.cabin === 'Economy Class' ? flight.economy_price : flight.business_price;
      if (!hasOwn(user, 'membership_level')) throw keyError('membership_level');
      const total = price + this.baggageFee(user['membership_level'], args.cabin, args.baggage_count);
      if (args.payment_method !== 'cash' && args.payment_method !== 'bank') return 'Invalid payment method';
      const account = t.users[args.user_id] as TravelUser;
      if (args.payment_method === 'cash') {
        if (total > account.cash_balance)
          return 'Your cash balance is insufficient. Please consider using another payment method.';
        account.cash_balance -= total;
      } else {
        if (total > account.bank_balance)
          return 'Your bank balance is insufficient. Please consider using another payment method.';
        account.bank_balance -= total;
      }
      flight.seats_available -= 1;
      const reservationId = `res_${t.reservations.length + 1}`;
      t.reservations.push({
        reservation_id: reservationId,
        user_id: args.user_id,
        flight_no: args.flight_no,
        payment_method: args.payment_method,
        cabin: args.cabin,
        baggage: args.baggage_count,
      });
      return `Booking successful. Reservation ID: ${reservationId}. Total cost: ${pyNum(total)} yuan (including baggage fees).`;
    });
  }

  /** `update_balance` of the reference: false (and no change) when the balance would go negative. */
  private updateBalance(user: TravelUser, method: unknown, amount: number): boolean {
    if (method === 'cash') {
      if (user.cash_balance + amount < 0) return false;
      user.cash_balance += amount;
    } else if (method === 'bank') {
      if (user.bank_balance + amount < 0) return false;
      user.bank_balance += amount;
    }
    return true;
  }

  /**
   * Travel: change a reservation — another flight on the same route, another cabin (the price difference is
   * paid or refunded), and/or more checked bags — charged to the reservation's payment method unless a new
   * one is given. Returns a text describing what was done.
   * @mutation
   */
  modify_flight(args: {
    /** The user id the reservation belongs to. */
    user_id: string;
    /** Reservation id, e.g. 'res_2'. */
    reservation_id: string;
    /** The new flight number (same origin and destination). */
    new_flight_no?: string | null;
    /** The new cabin, 'Economy Class' or 'Business Class'. */
    new_cabin?: string | null;
    /** Checked bags to add (default 0). */
    add_baggage?: number | null;
    /** 'cash' or 'bank' for any charge or refund (default: the reservation's). */
    new_payment_method?: string | null;
  }): ToolResult {
    return this.run('Travel', 'modify_flight', () => {
      const t = this.travel;
      const reservation = t.reservations.find(
        (r) => r.reservation_id === args.reservation_id && r.user_id === args.user_id,
      );
      if (!reservation) return 'Reservation not found or user ID does not match.';
      const current = t.flights.find((f) => f.flight_no === reservation.flight_no);
      if (!current) return 'Flight information not found.';
      const method = truthy(args.new_payment_method) ? args.new_payment_method : reservation.payment_method;
      const user = lookup(t.users, args.user_id);
      if (!user) throw keyError(args.user_id);
      const messages: string[] = [];
      if (truthy(args.new_flight_no) && args.new_flight_no !== reservation.flight_no) {
        const next = t.flights.find((f) => f.flight_no === args.new_flight_no);
        if (next && next.origin === current.origin && next.destination === current.destination) {
          reservation.flight_no = args.new_flight_no as string;
          messages.push('Flight number has been changed.');
        } else return 'Flight change failed: Invalid new flight number or destination does not match.';
      }
      if (truthy(args.new_cabin) && args.new_cabin !== reservation.cabin) {
        // Priced on the flight booked before this call, as in the reference.
        const difference =
          this.cabinPrice(current, args.new_cabin) - this.cabinPrice(current, reservation.cabin);
        reservation.cabin = args.new_cabin as string;
        if (difference > 0) {
          if (this.updateBalance(user, method, -difference))
            messages.push(`Cabin change successful. Price difference paid: ${pyNum(difference)}.`);
          else messages.push('Insufficient balance to pay the cabin price difference.');
        } else if (difference < 0) {
          this.updateBalance(user, method, -difference);
          messages.push(`Cabin change successful. Price difference refunded: ${pyNum(-difference)}.`);
        }
      }
      const add = args.add_baggage === undefined ? 0 : args.add_baggage;
      if (pyGreater(add, 0)) {
        const free = this.allowance(user.membership_level, reservation.cabin);
        const total = (reservation.baggage ?? 0) + Number(add);
        const cost = Math.max(0, total - free) * 50;
        if (cost > 0) {
          if (this.updateBalance(user, method, -cost))
            messages.push(`Baggage has been added. Additional fee to be paid: ${pyNum(cost)}.`);
          else messages.push('Insufficient balance to pay the additional baggage fees.');
        }
        reservation.baggage = total;
      }
      if (messages.length === 0) messages.push('Modification completed with no additional fees.');
      return messages.join(' ');
    });
  }

  private cabinPrice(flight: Flight, cabin: unknown): number {
    if (cabin === 'Economy Class') return flight.economy_price;
    if (cabin === 'Business Class') return flight.business_price;
    return 0;
  }

  /**
   * Travel: cancel a reservation and refund its ticket price to the user's cash balance (in full when the
   * airline cancelled the flight or departure is more than 24 hours away, else less a 10% fee; the clock
   * stands at 2024-07-14 06:00). The reservation itself stays on record, as in the reference. Returns a text.
   * @mutation
   */
  cancel_reservation(args: {
    /** The user id the reservation belongs to. */
    user_id: string;
    /** Reservation id. */
    reservation_id: string;
    /** Why; exactly 'The airline has canceled the flight.' gives a full refund in any case. */
    reason: string;
  }): ToolResult {
    return this.run('Travel', 'cancel_reservation', () => {
      const t = this.travel;
      const user = lookup(t.users, args.user_id);
      if (!user) return 'Invalid user ID.';
      const reservation = t.reservations.find(
        (r) => r.reservation_id === args.reservation_id && r.user_id === args.user_id,
      );
      if (!reservation) return 'Invalid reservation ID or it does not belong to the user.';
      const flight = t.flights.find((f) => f.flight_no === reservation.flight_no);
      if (!flight) return 'Invalid flight information.';
      const depart = parseTime(flight.depart_time, true);
      if (TRAVEL_NOW > depart) return 'The flight segment has been used and cannot be canceled.';
      const price = reservation.cabin === 'Economy Class' ? flight.economy_price : flight.business_price;
      if (args.reason === 'The airline has canceled the flight.') {
        user.cash_balance += price;
        return `The flight has been canceled. Your reservation will be canceled free of charge, and ${pyNum(price)} yuan has been refunded.`;
      }
      if (depart - TRAVEL_NOW > ONE_DAY) {
        user.cash_balance += price;
        return `More than 24 hours before departure. Free cancellation successful, ${pyNum(price)} yuan has been refunded.`;
      }
      const fee = price * 0.1;
      const refund = price - fee;
      user.cash_balance += refund;
      return `Less than 24 hours before departure. A cancellation fee of ${pyFloat(fee)} yuan has been deducted, and ${pyFloat(refund)} yuan has been refunded.`;
    });
  }
}
