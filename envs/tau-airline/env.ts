import { Environment, type ToolResult } from '@envscaler/core';

// ---------------------------------------------------------------------------------------------
// State: the raw shape of τ-bench's airline data ({ flights, reservations, users }, one file each).
// ---------------------------------------------------------------------------------------------

/** A cabin class. */
export type Cabin = 'basic_economy' | 'economy' | 'business';

/** One number per cabin class (seats left, or prices in dollars). */
export interface PerCabin {
  basic_economy: number;
  economy: number;
  business: number;
}

/** A flight on one date that can still be booked. */
export interface BookableFlightDate {
  status: 'available';
  /** Seats left per cabin. */
  available_seats: PerCabin;
  /** Price per passenger per cabin, in dollars. */
  prices: PerCabin;
}

/** A flight on one date that cannot be booked (taken off, landed, cancelled, or about to leave). */
export interface PastFlightDate {
  status: 'landed' | 'cancelled' | 'flying' | 'on time' | 'delayed';
  actual_departure_time_est?: string;
  actual_arrival_time_est?: string;
  estimated_departure_time_est?: string;
  estimated_arrival_time_est?: string;
}

/** The state of a flight on one date. */
export type FlightDate = BookableFlightDate | PastFlightDate;

/** A scheduled flight (the same flight number every day of May 2024). */
export interface Flight {
  /** Flight number, e.g. 'HAT001'; also the key of this flight in `flights`. */
  flight_number: string;
  /** IATA code of the departure airport, e.g. 'PHL'. */
  origin: string;
  /** IATA code of the arrival airport, e.g. 'LGA'. */
  destination: string;
  /** Local departure time 'HH:MM:SS' (EST). */
  scheduled_departure_time_est: string;
  /** Local arrival time 'HH:MM:SS', with '+1' appended when it lands the next day. */
  scheduled_arrival_time_est: string;
  /** Per date 'YYYY-MM-DD': status, and seats and prices when still bookable. */
  dates: Record<string, FlightDate>;
}

/** One flight segment of a reservation. */
export interface ReservationFlight {
  flight_number: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  /** Price per passenger paid for this segment. */
  price: number;
  origin: string;
  destination: string;
}

/** A traveller. */
export interface Passenger {
  first_name: string;
  last_name: string;
  /** Date of birth 'YYYY-MM-DD'. */
  dob: string;
}

/** A payment (positive amount) or refund (negative amount) recorded on a reservation. */
export interface PaymentRecord {
  /** The payment method id, e.g. 'credit_card_7815826'. */
  payment_id: string;
  amount: number;
}

/** A booking. */
export interface Reservation {
  /** Six characters, e.g. 'ZFA04Y'; also the key of this reservation in `reservations`. */
  reservation_id: string;
  user_id: string;
  origin: string;
  destination: string;
  flight_type: 'one_way' | 'round_trip';
  cabin: Cabin;
  flights: ReservationFlight[];
  passengers: Passenger[];
  /** Payments and refunds in the order they happened. */
  payment_history: PaymentRecord[];
  /** 'YYYY-MM-DDTHH:MM:SS'. */
  created_at: string;
  total_baggages: number;
  nonfree_baggages: number;
  insurance: 'yes' | 'no';
  /** Set when the reservation is cancelled. */
  status?: 'cancelled';
}

/** A credit card on file. */
export interface CreditCard {
  source: 'credit_card';
  /** Payment method id, e.g. 'credit_card_4421486'. */
  id: string;
  brand: string;
  last_four: string;
}

/** A gift card on file, with its balance. */
export interface GiftCard {
  source: 'gift_card';
  /** Payment method id, e.g. 'gift_card_3481935'. */
  id: string;
  /** Balance in dollars. */
  amount: number;
}

/** A travel certificate on file: usable once, whatever is left of it is lost. */
export interface Certificate {
  source: 'certificate';
  /** Payment method id, e.g. 'certificate_7504069'. */
  id: string;
  /** Value in dollars. */
  amount: number;
}

/** Any stored payment method. */
export type PaymentMethod = CreditCard | GiftCard | Certificate;

/** A customer of the airline. */
export interface User {
  name: { first_name: string; last_name: string };
  address: {
    address1: string;
    address2: string;
    city: string;
    country: string;
    state: string;
    zip: string;
  };
  email: string;
  /** Date of birth 'YYYY-MM-DD'. */
  dob: string;
  /** Payment methods keyed by payment method id. */
  payment_methods: Record<string, PaymentMethod>;
  saved_passengers: Passenger[];
  membership: 'regular' | 'silver' | 'gold';
  /** Ids of the user's reservations. */
  reservations: string[];
}

/** The whole airline world: the three data files, as they are. */
export interface State {
  /** Flights keyed by flight number. */
  flights: Record<string, Flight>;
  /** Reservations keyed by reservation id. */
  reservations: Record<string, Reservation>;
  /** Users keyed by user id. */
  users: Record<string, User>;
}

/** A flight segment as a tool argument. */
export interface FlightChoice {
  /** Flight number, e.g. 'HAT001'. */
  flight_number: string;
  /** The date of the flight, 'YYYY-MM-DD', e.g. '2024-05-01'. */
  date: string;
}

/** A payment as a tool argument. */
export interface PaymentChoice {
  /** A payment method id from the user's profile, e.g. 'credit_card_7815826', 'gift_card_7815826' or 'certificate_7815826'. */
  payment_id: string;
  /** The amount paid with this method. */
  amount: number;
}

/** A search hit: the flight (without its dates) and its state on the searched date. */
export type FlightOffer = Omit<Flight, 'dates'> & FlightDate;

/** One leg of a one-stop itinerary: a {@link FlightOffer} and the date it flies. */
export type ConnectingLeg = FlightOffer & { date: string };

// The airports the airline serves and the city each stands for, in the reference's order.
const AIRPORTS: readonly (readonly [string, string])[] = [
  ['SFO', 'San Francisco'],
  ['JFK', 'New York'],
  ['LAX', 'Los Angeles'],
  ['ORD', 'Chicago'],
  ['DFW', 'Dallas'],
  ['DEN', 'Denver'],
  ['SEA', 'Seattle'],
  ['ATL', 'Atlanta'],
  ['MIA', 'Miami'],
  ['BOS', 'Boston'],
  ['PHX', 'Phoenix'],
  ['IAH', 'Houston'],
  ['LAS', 'Las Vegas'],
  ['MCO', 'Orlando'],
  ['EWR', 'Newark'],
  ['CLT', 'Charlotte'],
  ['MSP', 'Minneapolis'],
  ['DTW', 'Detroit'],
  ['PHL', 'Philadelphia'],
  ['LGA', 'LaGuardia'],
];

/** Ids a new booking takes, in turn; a fourth booking in one world replaces the third. */
const NEW_RESERVATION_IDS = ['HATHAT', 'HATHAU', 'HATHAV'] as const;
/** Ids a new certificate takes, in turn; once all three exist, no certificate is added. */
const NEW_CERTIFICATE_IDS = ['certificate_3221322', 'certificate_3221323', 'certificate_3221324'] as const;
/** The clock of the world: every new booking is created at this time. */
const NOW = '2024-05-15T15:00:00';
const INSURANCE_PER_PASSENGER = 30;
const PRICE_PER_EXTRA_BAG = 50;

// ---------------------------------------------------------------------------------------------
// The tools.
// ---------------------------------------------------------------------------------------------

/**
 * An airline's reservation desk (τ-bench airline domain): look up users, reservations, airports
 * and flights (direct or with one stop); book, cancel and change reservations (flights, cabin,
 * baggage, passengers); issue travel certificates as compensation; do arithmetic; think; hand the
 * conversation over to a human. The tools check data, seats and payment; the policy rules (who may
 * cancel, which changes are allowed, how much compensation) are for the agent to apply.
 */
export class TauAirline extends Environment<State> {
  /**
   * Book a new reservation for a user. Every passenger flies every segment, in one cabin. The
   * total is the sum of the segment prices per passenger, plus 30 dollars per passenger with
   * insurance, plus 50 dollars per non-free bag, and the payments must add up to it exactly.
   * Gift cards are debited; a certificate is used up whatever it is worth. List the details and get
   * the user's explicit confirmation (yes) first. Returns the new reservation.
   * @mutation
   */
  book_reservation(args: {
    /** The id of the user booking, e.g. 'sara_doe_496'. */
    user_id: string;
    /** IATA code of the trip's origin, e.g. 'SFO'. */
    origin: string;
    /** IATA code of the trip's destination, e.g. 'JFK'. */
    destination: string;
    /** 'one_way' or 'round_trip'. */
    flight_type: 'one_way' | 'round_trip';
    /** The cabin of every passenger on every segment. */
    cabin: Cabin;
    /** Every flight segment of the trip, in order. */
    flights: FlightChoice[];
    /** Every passenger (at most five). */
    passengers: Passenger[];
    /** How the total is paid: methods from the user's profile and the amount each pays. */
    payment_methods: PaymentChoice[];
    /** Number of checked bags in the reservation. */
    total_baggages: number;
    /** Number of those bags that are not free (50 dollars each). */
    nonfree_baggages: number;
    /** Travel insurance, 'yes' or 'no' (30 dollars per passenger). */
    insurance: 'yes' | 'no';
  }): ToolResult<Reservation> {
    return this.attempt(() => {
      const user = this.user(args.user_id);
      const { reservations } = this.state;
      let reservationId: string = NEW_RESERVATION_IDS[0];
      if (has(reservations, reservationId)) {
        reservationId = NEW_RESERVATION_IDS[1];
        if (has(reservations, reservationId)) reservationId = NEW_RESERVATION_IDS[2];
      }
      const passengers = copyJson(args.passengers);
      const payments = copyJson(args.payment_methods);
      const segments = args.flights.map((choice) => ({ ...copyJson(choice) }) as ReservationFlight);
      let total = 0;
      for (const segment of segments) {
        const offer = this.bookable(segment.flight_number, segment.date);
        if (offer.dateData.available_seats[args.cabin] < passengers.length) {
          throw new AirlineError('NOT_ENOUGH_SEATS', `not enough seats on flight ${segment.flight_number}`);
        }
        segment.price = offer.dateData.prices[args.cabin];
        segment.origin = offer.flight.origin;
        segment.destination = offer.flight.destination;
        total += segment.price * passengers.length;
      }
      if (args.insurance === 'yes') total += INSURANCE_PER_PASSENGER * passengers.length;
      total += PRICE_PER_EXTRA_BAG * args.nonfree_baggages;

      for (const payment of payments) {
        const method = ownValue(user.payment_methods, payment.payment_id);
        if (method === undefined) {
          throw new AirlineError('NOT_FOUND', `payment method ${payment.payment_id} not found`);
        }
        if (method.source !== 'credit_card' && method.amount < payment.amount) {
          throw new AirlineError(
            'INSUFFICIENT_BALANCE',
            `not enough balance in payment method ${payment.payment_id}`,
          );
        }
      }
      const paid = payments.reduce((sum, payment) => sum + payment.amount, 0);
      if (paid !== total) {
        // Python's sum is a float as soon as one amount is (an amount with a fraction must be one).
        const paidText = payments.some((payment) => !Number.isInteger(payment.amount))
          ? pythonFloatRepr(paid)
          : pythonNumber(paid);
        throw new AirlineError(
          'PAYMENT_MISMATCH',
          `payment amount does not add up, total price is ${pythonNumber(total)}, but paid ${paidText}`,
        );
      }
      // Charge. A method named twice is charged twice; a certificate named twice is gone the second
      // time, which fails like a missing dictionary key (after the first charges were made).
      for (const payment of payments) {
        const method = ownValue(user.payment_methods, payment.payment_id);
        if (method === undefined) throw new AirlineError('KEY_ERROR', pythonRepr(payment.payment_id));
        if (method.source === 'gift_card') method.amount -= payment.amount;
        else if (method.source === 'certificate') delete user.payment_methods[payment.payment_id];
      }
      const reservation: Reservation = {
        reservation_id: reservationId,
        user_id: args.user_id,
        origin: args.origin,
        destination: args.destination,
        flight_type: args.flight_type,
        cabin: args.cabin,
        flights: segments,
        passengers,
        payment_history: payments,
        created_at: NOW,
        total_baggages: args.total_baggages,
        nonfree_baggages: args.nonfree_baggages,
        insurance: args.insurance,
      };
      reservations[reservationId] = reservation;
      user.reservations.push(reservationId);
      return copyJson(reservation);
    });
  }

  /**
   * Evaluate an arithmetic expression and return the result rounded to 2 decimals, as text
   * (e.g. '2 + 2' gives '4.0').
   * @query
   */
  calculate(args: {
    /** The expression, e.g. '(883 + 779) * 3'. Allowed: digits, '.', '+', '-', '*', '/', parentheses and spaces. */
    expression: string;
  }): ToolResult<string> {
    return this.attempt(() => calculateText(args.expression));
  }

  /**
   * Cancel a whole reservation: every payment on it is refunded (a negative entry per payment is
   * added to its payment history) and its status becomes 'cancelled'. Refunds go to the original
   * payment methods in 5 to 7 business days. The tool does not check whether the cancellation is
   * allowed: check the policy first, and get the user's explicit confirmation (yes). Returns the
   * reservation afterwards.
   * @mutation
   */
  cancel_reservation(args: {
    /** The reservation id, e.g. 'ZFA04Y'. */
    reservation_id: string;
  }): ToolResult<Reservation> {
    return this.attempt(() => {
      const reservation = this.reservation(args.reservation_id);
      const refunds = reservation.payment_history.map((payment) => ({
        payment_id: payment.payment_id,
        amount: -payment.amount,
      }));
      reservation.payment_history.push(...refunds);
      reservation.status = 'cancelled';
      return copyJson(reservation);
    });
  }

  /**
   * Get the details of a reservation: flights, passengers, payments, baggage, insurance.
   * @query
   */
  get_reservation_details(args: {
    /** The reservation id, e.g. '8JX2WO'. */
    reservation_id: string;
  }): ToolResult<Reservation> {
    return this.attempt(() => {
      const reservation = ownValue(this.state.reservations, args.reservation_id);
      // The reference reports a missing reservation as a missing user.
      if (reservation === undefined) throw new AirlineError('NOT_FOUND', 'user not found');
      return copyJson(reservation);
    });
  }

  /**
   * Get a user's profile: name, address, email, date of birth, payment methods (with gift-card and
   * certificate balances), saved passengers, membership tier and reservation ids.
   * @query
   */
  get_user_details(args: {
    /** The user id, e.g. 'sara_doe_496'. */
    user_id: string;
  }): ToolResult<User> {
    return this.attempt(() => copyJson(this.user(args.user_id)));
  }

  /**
   * List every airport the airline serves, as IATA code → city.
   * @query
   */
  list_all_airports(): ToolResult<Record<string, string>> {
    const airports: Record<string, string> = {};
    for (const [code, city] of AIRPORTS) airports[code] = city;
    return this.ok(airports);
  }

  /**
   * Search the direct flights from one airport to another on a date that can still be booked:
   * each with its schedule, seats left and prices per cabin.
   * @query
   */
  search_direct_flight(args: {
    /** IATA code of the departure airport, e.g. 'JFK'. */
    origin: string;
    /** IATA code of the arrival airport, e.g. 'LAX'. */
    destination: string;
    /** The date, 'YYYY-MM-DD', e.g. '2024-01-01'. */
    date: string;
  }): ToolResult<FlightOffer[]> {
    return this.attempt(() => {
      const offers: FlightOffer[] = [];
      for (const flight of Object.values(this.state.flights)) {
        if (flight.origin !== args.origin || flight.destination !== args.destination) continue;
        const day = ownValue(flight.dates, args.date);
        if (day !== undefined && day.status === 'available') offers.push(offerOf(flight, day));
      }
      return copyJson(offers);
    });
  }

  /**
   * Search itineraries with exactly one stop from one airport to another, leaving on a date: pairs
   * of flights where the first lands before the second departs (the second may fly the next day
   * when the first lands after midnight). Only flights that can still be booked are listed.
   * @query
   */
  search_onestop_flight(args: {
    /** IATA code of the departure airport, e.g. 'JFK'. */
    origin: string;
    /** IATA code of the final arrival airport, e.g. 'LAX'. */
    destination: string;
    /** The date of the first flight, 'YYYY-MM-DD', e.g. '2024-05-01'. */
    date: string;
  }): ToolResult<[ConnectingLeg, ConnectingLeg][]> {
    return this.attempt(() => {
      const { date } = args;
      const flights = Object.values(this.state.flights);
      const itineraries: [ConnectingLeg, ConnectingLeg][] = [];
      for (const first of flights) {
        if (first.origin !== args.origin) continue;
        for (const second of flights) {
          if (second.destination !== args.destination || first.destination !== second.origin) continue;
          // The next day is written without zero padding (so May 1-8 have no overnight connection)
          // and the second leg is described with its data for the first leg's date: as the reference.
          const secondDate = first.scheduled_arrival_time_est.includes('+1')
            ? `2024-05-${pythonInt(date.slice(-2)) + 1}`
            : date;
          if (first.scheduled_arrival_time_est > second.scheduled_departure_time_est) continue;
          const firstDay = ownValue(first.dates, date);
          const secondDay = ownValue(second.dates, secondDate);
          if (firstDay === undefined || secondDay === undefined) continue;
          if (firstDay.status !== 'available' || secondDay.status !== 'available') continue;
          const secondShown = ownValue(second.dates, date);
          if (secondShown === undefined) throw new AirlineError('KEY_ERROR', pythonRepr(date));
          itineraries.push([
            { ...offerOf(first, firstDay), date },
            { ...offerOf(second, secondShown), date: secondDate },
          ]);
        }
      }
      return copyJson(itineraries);
    });
  }

  /**
   * Give a user a travel certificate (compensation) of some amount; it is added to the user's
   * payment methods. At most three certificates can be issued this way per conversation. Returns
   * a confirmation text.
   * @mutation
   */
  send_certificate(args: {
    /** The id of the user, e.g. 'sara_doe_496'. */
    user_id: string;
    /** The certificate's value in dollars. */
    amount: number;
  }): ToolResult<string | null> {
    return this.attempt(() => {
      const user = this.user(args.user_id);
      for (const id of NEW_CERTIFICATE_IDS) {
        if (has(user.payment_methods, id)) continue;
        user.payment_methods[id] = { source: 'certificate', amount: args.amount, id };
        return `Certificate ${id} added to user ${args.user_id} with amount ${pythonNumber(args.amount)}.`;
      }
      // All three ids are taken: the reference adds nothing and returns nothing.
      return null;
    });
  }

  /**
   * Think something through. Nothing is looked up and nothing changes; use it for complex
   * reasoning. Returns an empty text.
   * @query
   */
  think(args: {
    /** The thought. */
    thought: string;
  }): ToolResult<string> {
    void args;
    return this.ok('');
  }

  /**
   * Transfer the user to a human agent, with a summary of the issue. Transfer only if the user
   * explicitly asks for a human, or if the issue cannot be resolved with the available tools.
   * @query
   */
  transfer_to_human_agents(args: {
    /** A summary of the user's issue. */
    summary: string;
  }): ToolResult<string> {
    void args;
    return this.ok('Transfer successful');
  }

  /**
   * Change the checked bags of a reservation. Each non-free bag beyond those already paid costs
   * 50 dollars, charged to the given method (a gift card must cover it; certificates cannot be
   * used). The tool does not check the free allowance or forbid removing bags: apply the policy
   * first, and get the user's explicit confirmation (yes). Returns the reservation afterwards.
   * @mutation
   */
  update_reservation_baggages(args: {
    /** The reservation id, e.g. 'ZFA04Y'. */
    reservation_id: string;
    /** The new total number of checked bags. */
    total_baggages: number;
    /** The new number of non-free bags. */
    nonfree_baggages: number;
    /** The payment method id from the user's profile, e.g. 'credit_card_7815826' or 'gift_card_7815826'. */
    payment_id: string;
  }): ToolResult<Reservation> {
    return this.attempt(() => {
      const reservation = this.reservation(args.reservation_id);
      const charge = PRICE_PER_EXTRA_BAG * Math.max(0, args.nonfree_baggages - reservation.nonfree_baggages);
      const method = this.methodForChange(reservation, args.payment_id, charge);
      reservation.total_baggages = args.total_baggages;
      reservation.nonfree_baggages = args.nonfree_baggages;
      if (method.source === 'gift_card') method.amount -= charge;
      if (charge !== 0) reservation.payment_history.push({ payment_id: args.payment_id, amount: charge });
      return copyJson(reservation);
    });
  }

  /**
   * Replace the flights of a reservation (the whole new list, kept segments included) and/or its
   * cabin. A segment kept in the same cabin keeps the price paid; any other segment is priced at
   * today's price. The difference for all passengers is charged to, or refunded to, the given
   * method (credit card or gift card; certificates cannot be used). The tool does not check the
   * policy (basic economy, same origin/destination/trip type): check it first, and get the user's
   * explicit confirmation (yes). Returns the reservation afterwards.
   * @mutation
   */
  update_reservation_flights(args: {
    /** The reservation id, e.g. 'ZFA04Y'. */
    reservation_id: string;
    /** The cabin of the new flights. */
    cabin: Cabin;
    /** Every flight segment of the ENTIRE new reservation, unchanged segments included. */
    flights: FlightChoice[];
    /** The payment method id from the user's profile, e.g. 'credit_card_7815826' or 'gift_card_7815826'. */
    payment_id: string;
  }): ToolResult<Reservation> {
    return this.attempt(() => {
      const reservation = this.reservation(args.reservation_id);
      const travellers = reservation.passengers.length;
      const segments = args.flights.map((choice) => ({ ...copyJson(choice) }) as ReservationFlight);
      let difference = 0;
      for (const segment of segments) {
        const kept =
          args.cabin === reservation.cabin
            ? reservation.flights.find(
                (old) => old.flight_number === segment.flight_number && old.date === segment.date,
              )
            : undefined;
        if (kept !== undefined) {
          segment.price = kept.price;
          segment.origin = kept.origin;
          segment.destination = kept.destination;
        } else {
          const offer = this.bookable(segment.flight_number, segment.date);
          if (offer.dateData.available_seats[args.cabin] < travellers) {
            throw new AirlineError('NOT_ENOUGH_SEATS', `not enough seats on flight ${segment.flight_number}`);
          }
          segment.price = offer.dateData.prices[args.cabin];
          segment.origin = offer.flight.origin;
          segment.destination = offer.flight.destination;
        }
        difference += segment.price * travellers;
      }
      difference -= reservation.flights.reduce((sum, old) => sum + old.price, 0) * travellers;
      const method = this.methodForChange(reservation, args.payment_id, difference);
      if (method.source === 'gift_card') method.amount -= difference;
      // As in the reference, the reservation's `cabin` field is left as it was.
      reservation.flights = segments;
      if (difference !== 0) {
        reservation.payment_history.push({ payment_id: args.payment_id, amount: difference });
      }
      return copyJson(reservation);
    });
  }

  /**
   * Replace the passengers of a reservation; their number cannot change. Get the user's explicit
   * confirmation (yes) first. Returns the reservation afterwards.
   * @mutation
   */
  update_reservation_passengers(args: {
    /** The reservation id, e.g. 'ZFA04Y'. */
    reservation_id: string;
    /** Every passenger of the reservation, as they should be. */
    passengers: Passenger[];
  }): ToolResult<Reservation> {
    return this.attempt(() => {
      const reservation = this.reservation(args.reservation_id);
      if (args.passengers.length !== reservation.passengers.length) {
        throw new AirlineError('INVALID_ARGUMENT', 'number of passengers does not match');
      }
      reservation.passengers = copyJson(args.passengers);
      return copyJson(reservation);
    });
  }

  // ---- private helpers (not tools) ------------------------------------------------------------

  /** Run a tool body; an AirlineError becomes a failed result, anything else propagates. */
  private attempt<T>(body: () => T): ToolResult<T> {
    try {
      return this.ok(body());
    } catch (error) {
      if (error instanceof AirlineError) return this.fail(error.code, error.message);
      throw error;
    }
  }

  private user(userId: string): User {
    const user = ownValue(this.state.users, userId);
    if (user === undefined) throw new AirlineError('NOT_FOUND', 'user not found');
    return user;
  }

  private reservation(reservationId: string): Reservation {
    const reservation = ownValue(this.state.reservations, reservationId);
    if (reservation === undefined) throw new AirlineError('NOT_FOUND', 'reservation not found');
    return reservation;
  }

  /** A flight on a date that can be booked, or the reference's error for why not. */
  private bookable(flightNumber: string, date: string): { flight: Flight; dateData: BookableFlightDate } {
    const flight = ownValue(this.state.flights, flightNumber);
    if (flight === undefined) throw new AirlineError('NOT_FOUND', `flight ${flightNumber} not found`);
    const day = ownValue(flight.dates, date);
    if (day === undefined) {
      throw new AirlineError('NOT_FOUND', `flight ${flightNumber} not found on date ${date}`);
    }
    if (day.status !== 'available') {
      throw new AirlineError('UNAVAILABLE', `flight ${flightNumber} not available on date ${date}`);
    }
    return { flight, dateData: day };
  }

  /** The payment method of a change to a reservation, checked as the reference checks it. */
  private methodForChange(reservation: Reservation, paymentId: string, charge: number): PaymentMethod {
    const owner = ownValue(this.state.users, reservation.user_id);
    if (owner === undefined) throw new AirlineError('KEY_ERROR', pythonRepr(reservation.user_id));
    const method = ownValue(owner.payment_methods, paymentId);
    if (method === undefined) throw new AirlineError('NOT_FOUND', 'payment method not found');
    if (method.source === 'certificate') {
      throw new AirlineError('INVALID_PAYMENT', 'certificate cannot be used to update reservation');
    }
    if (method.source === 'gift_card' && method.amount < charge) {
      throw new AirlineError('INSUFFICIENT_BALANCE', 'gift card balance is not enough');
    }
    return method;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------------------------

/** A tool failure: `message` is the reference's error text without its 'Error: ' prefix. */
class AirlineError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function has(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** `record[key]` when `key` is an own key (never something inherited such as `toString`). */
function ownValue<V>(record: Record<string, V>, key: string): V | undefined {
  return has(record, key) ? record[key] : undefined;
}

function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A flight without its dates, followed by the fields of one date. */
function offerOf(flight: Flight, day: FlightDate): FlightOffer {
  const offer: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flight)) if (key !== 'dates') offer[key] = value;
  return Object.assign(offer, day) as unknown as FlightOffer;
}

/** How Python's str() prints a number that came from JSON (integers without '.0'). */
function pythonNumber(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e16 ? String(value) : pythonFloatRepr(value);
}

/** Python's repr() of a short string: single quotes unless it contains one and no double quote. */
function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += `\\${quote}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\t') body += '\\t';
    else if (char === '\r') body += '\\r';
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

/** Python's int(text) for base 10: surrounding whitespace, a sign, digits with single underscores between them. */
function pythonInt(text: string): number {
  const match = /^\s*([+-]?)(\d(?:_?\d)*)\s*$/.exec(text);
  if (match === null) {
    throw new AirlineError('VALUE_ERROR', `invalid literal for int() with base 10: ${pythonRepr(text)}`);
  }
  const value = Number((match[2] as string).replace(/_/g, ''));
  return match[1] === '-' ? -value : value;
}

// ---- calculate: Python's eval of + - * / // ** and parentheses, then float(), round(x, 2), str() --

type CalcValue =
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'complex' }
  | { kind: 'tuple' }
  | { kind: 'ellipsis' };

type CalcNode =
  | { kind: 'literal'; value: CalcValue }
  | { kind: 'unary'; op: '+' | '-'; operand: CalcNode }
  | { kind: 'binary'; op: string; left: CalcNode; right: CalcNode }
  | { kind: 'call'; callee: CalcNode; argument: CalcNode | null; star: '' | '*' | '**' };

interface CalcToken {
  kind: 'number' | 'op' | 'ellipsis' | 'end';
  text: string;
  /** Open parentheses after this token (for the end token: left unclosed). */
  level: number;
}

const CALC_ALPHABET = new Set('0123456789+-*/(). ');
/** Integers beyond this many bits are not computed (Python could; float() of them would overflow). */
const MAX_INT_BITS = 1 << 20;
const SYNTAX_SUFFIX = ' (<string>, line 1)';

/** Thrown by a lenient parse that cannot go on (not a tool failure). */
class NoMatch extends Error {}
const NO_MATCH = new NoMatch('no match');

function calcError(code: string, message: string): AirlineError {
  return new AirlineError(code, message);
}

function syntaxError(message = 'invalid syntax'): AirlineError {
  return calcError('INVALID_EXPRESSION', `${message}${SYNTAX_SUFFIX}`);
}

function calculateText(expression: string): string {
  for (const char of expression) {
    if (!CALC_ALPHABET.has(char)) throw calcError('INVALID_EXPRESSION', 'invalid characters in expression');
  }
  if (expression.trim() === '') throw calcError('INVALID_EXPRESSION', 'invalid syntax (<string>, line 0)');
  const tokens = tokenize(expression);
  const node = new CalcParser(tokens).parse();
  const result = toFloat(evaluate(node));
  return pythonFloatRepr(pythonRound2(result));
}

function tokenize(expression: string): CalcToken[] {
  const tokens: CalcToken[] = [];
  let depth = 0;
  let i = 0;
  while (i < expression.length) {
    const char = expression[i] as string;
    if (char === ' ') {
      i++;
      continue;
    }
    if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(expression[i + 1] ?? ''))) {
      const match = /^(\d*\.\d*|\d+)/.exec(expression.slice(i)) as RegExpExecArray;
      const text = match[0];
      if (!text.includes('.') && text.length > 1 && text.startsWith('0') && /[1-9]/.test(text)) {
        throw syntaxError(
          'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
        );
      }
      tokens.push({ kind: 'number', text, level: depth });
      i += text.length;
      continue;
    }
    if (expression.startsWith('...', i)) {
      tokens.push({ kind: 'ellipsis', text: '...', level: depth });
      i += 3;
      continue;
    }
    const two = expression.slice(i, i + 2);
    if (two === '**' || two === '//') {
      tokens.push({ kind: 'op', text: two, level: depth });
      i += 2;
      continue;
    }
    if (char === '(') depth++;
    if (char === ')') {
      if (depth === 0) throw syntaxError("unmatched ')'");
      depth--;
    }
    tokens.push({ kind: 'op', text: char, level: depth });
    i++;
  }
  tokens.push({ kind: 'end', text: '', level: depth });
  return tokens;
}

/**
 * expression: term (('+' | '-') term)*; term: factor (('*' | '/' | '//') factor)*;
 * factor: ('+' | '-') factor | primary ['**' factor]; primary: atom ('(' [expression] ')')*.
 *
 * Syntax errors are reported as CPython picks them: tokenizer errors first (see tokenize); reading
 * the end of the input while a parenthesis is open is "'(' was never closed" at once; two operands
 * side by side are "Perhaps you forgot a comma?" when the second one parses, ends before the end of
 * the input and sits inside parentheses; anything else is "invalid syntax".
 */
class CalcParser {
  private position: number;

  /**
   * @param lenient parse the longest prefix that is an expression, as PEG repetitions do (used to
   * try the second of two adjacent operands); a failure is NO_MATCH instead of a message
   */
  constructor(
    private readonly tokens: CalcToken[],
    start = 0,
    private readonly lenient = false,
  ) {
    this.position = start;
  }

  parse(): CalcNode {
    const node = this.expression();
    if (this.peek().kind !== 'end') throw this.failure();
    return node;
  }

  /** Parses one expression from `start` and returns the position after it (errors propagate). */
  static expressionEnd(tokens: CalcToken[], start: number): number | undefined {
    const parser = new CalcParser(tokens, start, true);
    try {
      parser.expression();
    } catch (error) {
      if (error === NO_MATCH) return undefined;
      throw error;
    }
    return parser.position;
  }

  /** In lenient mode: runs `body`; on NO_MATCH restores the position and returns undefined. */
  private optional<T>(body: () => T): T | undefined {
    if (!this.lenient) return body();
    const saved = this.position;
    try {
      return body();
    } catch (error) {
      if (error !== NO_MATCH) throw error;
      this.position = saved;
      return undefined;
    }
  }

  private peek(): CalcToken {
    const token = this.tokens[this.position] as CalcToken;
    if (token.kind === 'end' && token.level > 0) throw syntaxError("'(' was never closed");
    return token;
  }

  private isOp(text: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.text === text;
  }

  /** The error CPython reports when parsing stops at the current token. */
  private failure(): AirlineError | typeof NO_MATCH {
    const token = this.peek();
    if (this.lenient) return NO_MATCH;
    const previous = this.tokens[this.position - 1];
    const startsOperand =
      token.kind === 'number' || token.kind === 'ellipsis' || (token.kind === 'op' && token.text === '(');
    const endsOperand =
      previous !== undefined &&
      (previous.kind === 'number' ||
        previous.kind === 'ellipsis' ||
        (previous.kind === 'op' && previous.text === ')'));
    if (startsOperand && endsOperand) {
      // CPython's second pass tries the second operand as an expression of its own; reading the
      // end of an input with an open parenthesis on the way raises "never closed" (from peek).
      const end = CalcParser.expressionEnd(this.tokens, this.position);
      const last = end === undefined ? undefined : this.tokens[end - 1];
      if (last !== undefined && last.level > 0)
        return syntaxError('invalid syntax. Perhaps you forgot a comma?');
    }
    return syntaxError();
  }

  private expression(): CalcNode {
    let node = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const left = node;
      const next = this.optional((): CalcNode => {
        const op = this.peek().text;
        this.position++;
        return { kind: 'binary', op, left, right: this.term() };
      });
      if (next === undefined) break;
      node = next;
    }
    return node;
  }

  private term(): CalcNode {
    let node = this.factor();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//')) {
      const left = node;
      const next = this.optional((): CalcNode => {
        const op = this.peek().text;
        this.position++;
        return { kind: 'binary', op, left, right: this.factor() };
      });
      if (next === undefined) break;
      node = next;
    }
    return node;
  }

  private factor(): CalcNode {
    if (this.isOp('+') || this.isOp('-')) {
      const op = this.peek().text as '+' | '-';
      this.position++;
      return { kind: 'unary', op, operand: this.factor() };
    }
    const base = this.primary();
    if (this.isOp('**')) {
      const power = this.optional((): CalcNode => {
        this.position++;
        return { kind: 'binary', op: '**', left: base, right: this.factor() };
      });
      if (power !== undefined) return power;
    }
    return base;
  }

  private primary(): CalcNode {
    let node = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        // An attribute (`primary '.' NAME`): CPython reads the token after the dot; it cannot be a name.
        this.position++;
        this.peek();
        this.position--;
        return node;
      }
      if (!this.isOp('(')) return node;
      const callee = node;
      const call = this.optional((): CalcNode => {
        this.position++;
        let star: '' | '*' | '**' = '';
        if (this.isOp('*') || this.isOp('**')) {
          star = this.peek().text as '*' | '**';
          this.position++;
        }
        const argument = star === '' && this.isOp(')') ? null : this.expression();
        if (!this.isOp(')')) throw this.failure();
        this.position++;
        return { kind: 'call', callee, argument, star };
      });
      if (call === undefined) return node;
      node = call;
    }
  }

  private atom(): CalcNode {
    const token = this.peek();
    if (token.kind === 'number') {
      this.position++;
      const value: CalcValue = token.text.includes('.')
        ? { kind: 'float', value: Number(token.text.startsWith('.') ? `0${token.text}` : token.text) }
        : { kind: 'int', value: BigInt(token.text) };
      return { kind: 'literal', value };
    }
    if (token.kind === 'ellipsis') {
      this.position++;
      return { kind: 'literal', value: { kind: 'ellipsis' } };
    }
    if (!this.isOp('(')) throw this.failure();
    this.position++;
    if (this.isOp('*') || this.isOp('**')) {
      // A starred value alone in parentheses (only a tuple, with a comma, could hold one).
      const double = this.isOp('**');
      this.position++;
      this.expression();
      if (!this.isOp(')') || this.lenient) throw this.failure();
      throw syntaxError(`cannot use ${double ? 'double ' : ''}starred expression here`);
    }
    if (this.isOp(')')) {
      this.position++;
      return { kind: 'literal', value: { kind: 'tuple' } };
    }
    const inner = this.expression();
    if (!this.isOp(')')) throw this.failure();
    this.position++;
    return inner;
  }
}

function typeName(value: CalcValue): string {
  return value.kind;
}

/** Python's str() of a value (for the messages about calls; a complex value is not tracked). */
function valueText(value: CalcValue): string {
  switch (value.kind) {
    case 'int':
      return value.value.toString();
    case 'float':
      return pythonFloatRepr(value.value);
    case 'tuple':
      return '()';
    case 'ellipsis':
      return 'Ellipsis';
    case 'complex':
      return 'complex';
  }
}

function unsupported(op: string, left: CalcValue, right: CalcValue): AirlineError {
  return calcError(
    'TYPE_ERROR',
    `unsupported operand type(s) for ${op === '**' ? '** or pow()' : op}: '${typeName(left)}' and '${typeName(right)}'`,
  );
}

function evaluate(node: CalcNode): CalcValue {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'unary': {
      const operand = evaluate(node.operand);
      if (operand.kind === 'int')
        return { kind: 'int', value: node.op === '-' ? -operand.value : operand.value };
      if (operand.kind === 'float')
        return { kind: 'float', value: node.op === '-' ? -operand.value : operand.value };
      if (operand.kind === 'complex') return operand;
      throw calcError('TYPE_ERROR', `bad operand type for unary ${node.op}: '${typeName(operand)}'`);
    }
    case 'call': {
      const callee = evaluate(node.callee);
      const argument = node.argument === null ? null : evaluate(node.argument);
      if (argument !== null && node.star === '*' && argument.kind !== 'tuple') {
        throw calcError(
          'TYPE_ERROR',
          `${valueText(callee)} argument after * must be an iterable, not ${typeName(argument)}`,
        );
      }
      if (argument !== null && node.star === '**') {
        throw calcError(
          'TYPE_ERROR',
          `${valueText(callee)} argument after ** must be a mapping, not ${typeName(argument)}`,
        );
      }
      throw calcError('TYPE_ERROR', `'${typeName(callee)}' object is not callable`);
    }
    case 'binary':
      return binary(node.op, evaluate(node.left), evaluate(node.right));
  }
}

function isNumber(
  value: CalcValue,
): value is { kind: 'int'; value: bigint } | { kind: 'float'; value: number } {
  return value.kind === 'int' || value.kind === 'float';
}

function binary(op: string, left: CalcValue, right: CalcValue): CalcValue {
  // The only sequence is the empty tuple: () + () and () * n are ().
  if (left.kind === 'tuple' || right.kind === 'tuple') {
    if (op === '+' && left.kind === 'tuple') {
      if (right.kind === 'tuple') return left;
      throw calcError('TYPE_ERROR', `can only concatenate tuple (not "${typeName(right)}") to tuple`);
    }
    if (op === '*') {
      const count = left.kind === 'tuple' ? right : left;
      if (count.kind !== 'int') {
        throw calcError('TYPE_ERROR', `can't multiply sequence by non-int of type '${typeName(count)}'`);
      }
      const limit = BigInt(2) ** BigInt(63);
      if (count.value >= limit || count.value < -limit) {
        throw calcError('OVERFLOW', "cannot fit 'int' into an index-sized integer");
      }
      return { kind: 'tuple' };
    }
    throw unsupported(op, left, right);
  }
  if (left.kind === 'ellipsis' || right.kind === 'ellipsis') throw unsupported(op, left, right);
  if (left.kind === 'complex' || right.kind === 'complex') {
    if (op === '//') throw unsupported(op, left, right);
    return { kind: 'complex' };
  }
  if (!isNumber(left) || !isNumber(right)) throw unsupported(op, left, right);
  if (left.kind === 'int' && right.kind === 'int') return intBinary(op, left.value, right.value);
  return floatBinary(op, numberOf(left), numberOf(right));
}

/** int → float as Python converts it (OverflowError when too large). */
function numberOf(value: { kind: 'int'; value: bigint } | { kind: 'float'; value: number }): number {
  if (value.kind === 'float') return value.value;
  const converted = Number(value.value);
  if (!Number.isFinite(converted)) throw calcError('OVERFLOW', 'int too large to convert to float');
  return converted;
}

function bitLength(value: bigint): number {
  return (value < BigInt(0) ? -value : value).toString(2).length;
}

function intBinary(op: string, a: bigint, b: bigint): CalcValue {
  const zero = BigInt(0);
  switch (op) {
    case '+':
      return { kind: 'int', value: a + b };
    case '-':
      return { kind: 'int', value: a - b };
    case '*':
      if (bitLength(a) + bitLength(b) > MAX_INT_BITS)
        throw calcError('OVERFLOW', 'int too large to convert to float');
      return { kind: 'int', value: a * b };
    case '/':
      if (b === zero) throw calcError('DIVISION_BY_ZERO', 'division by zero');
      return { kind: 'float', value: ratioToNumber(a, b) };
    case '//': {
      if (b === zero) throw calcError('DIVISION_BY_ZERO', 'integer division or modulo by zero');
      let quotient = a / b;
      if (a % b !== zero && a < zero !== b < zero) quotient -= BigInt(1);
      return { kind: 'int', value: quotient };
    }
    case '**': {
      if (b < zero) return floatBinary('**', numberOf({ kind: 'int', value: a }), Number(b));
      const magnitude = a < zero ? -a : a;
      if (magnitude > BigInt(1) && Number(b) * bitLength(a) > MAX_INT_BITS) {
        throw calcError('OVERFLOW', 'int too large to convert to float');
      }
      return { kind: 'int', value: a ** b };
    }
    default:
      throw syntaxError();
  }
}

/** The float nearest to a/b (b ≠ 0), as Python's true division of ints gives it. */
function ratioToNumber(a: bigint, b: bigint): number {
  const limit = BigInt(2) ** BigInt(53);
  const abs = (x: bigint) => (x < BigInt(0) ? -x : x);
  if (abs(a) <= limit && abs(b) <= limit) return Number(a) / Number(b);
  const negative = a < BigInt(0) !== b < BigInt(0);
  const n = abs(a);
  const d = abs(b);
  // Scale so that the integer quotient has at least 66 bits, then round once via BigInt → Number
  // with a sticky bit standing for the remainder.
  const shift = Math.max(0, 66 - (bitLength(n) - bitLength(d)));
  const scaled = n << BigInt(shift);
  let quotient = scaled / d;
  if (scaled % d !== BigInt(0)) quotient = quotient * BigInt(2) + BigInt(1);
  else quotient = quotient * BigInt(2);
  const exponent = shift + 1;
  const value = Number(quotient) / 2 ** Math.min(exponent, 1000) / 2 ** Math.max(0, exponent - 1000);
  if (!Number.isFinite(value)) throw calcError('OVERFLOW', 'integer division result too large for a float');
  return negative ? -value : value;
}

function floatBinary(op: string, a: number, b: number): CalcValue {
  switch (op) {
    case '+':
      return { kind: 'float', value: a + b };
    case '-':
      return { kind: 'float', value: a - b };
    case '*':
      return { kind: 'float', value: a * b };
    case '/':
      if (b === 0) throw calcError('DIVISION_BY_ZERO', 'float division by zero');
      return { kind: 'float', value: a / b };
    case '//':
      if (b === 0) throw calcError('DIVISION_BY_ZERO', 'float floor division by zero');
      return { kind: 'float', value: floatFloorDivide(a, b) };
    case '**':
      return floatPower(a, b);
    default:
      throw syntaxError();
  }
}

/** CPython's float floor division (via fmod, so that the quotient and remainder stay consistent). */
function floatFloorDivide(a: number, b: number): number {
  let remainder = a % b;
  let quotient = (a - remainder) / b;
  if (remainder !== 0) {
    if (b < 0 !== remainder < 0) {
      remainder += b;
      quotient -= 1;
    }
  }
  if (quotient === 0) {
    // A zero quotient takes the sign of the true quotient.
    const exact = a / b;
    return exact < 0 || Object.is(exact, -0) ? -0 : 0;
  }
  let floored = Math.floor(quotient);
  if (quotient - floored > 0.5) floored += 1;
  return floored;
}

function floatPower(a: number, b: number): CalcValue {
  if (b === 0) return { kind: 'float', value: 1 };
  // C's pow (and so Python) gives 1 for 1 ** nan and (±1) ** ±inf, where JavaScript gives NaN.
  if (a === 1 || (Math.abs(a) === 1 && !Number.isFinite(b) && !Number.isNaN(b)))
    return { kind: 'float', value: 1 };
  if (a === 0 && b < 0) throw calcError('DIVISION_BY_ZERO', '0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) return { kind: 'complex' };
  const value = a ** b;
  if (!Number.isFinite(value) && Number.isFinite(a) && Number.isFinite(b)) {
    throw calcError('OVERFLOW', "(34, 'Numerical result out of range')");
  }
  return { kind: 'float', value };
}

function toFloat(value: CalcValue): number {
  if (value.kind === 'float') return value.value;
  if (value.kind === 'int') return numberOf(value);
  throw calcError(
    'TYPE_ERROR',
    `float() argument must be a string or a real number, not '${typeName(value)}'`,
  );
}

/**
 * Python's round(x, 2) of a float: the nearest 2-decimal value, exact ties (only x = k/8 with k odd
 * can be one) going to the even digit.
 */
function pythonRound2(x: number): number {
  if (x === 0 || !Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  const eighths = x * 8;
  if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
    // 100x = 25·eighths / 2 lies halfway between two integers; take the even one.
    const doubled = BigInt(25) * BigInt(eighths);
    const below = (doubled - (doubled < BigInt(0) ? BigInt(1) : BigInt(0))) / BigInt(2);
    const even = below % BigInt(2) === BigInt(0) ? below : below + BigInt(1);
    const negative = even < BigInt(0);
    const digits = (negative ? -even : even).toString().padStart(3, '0');
    return Number(`${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
  }
  // toFixed rounds the exact binary value correctly; only its tie rule differs, handled above.
  return Number(x.toFixed(2));
}

/** Python's repr() of a float: shortest round-trip digits, scientific outside [1e-4, 1e16). */
function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const text = String(x);
    return Number.isInteger(x) ? `${text}.0` : text;
  }
  const [mantissa, exponentText] = x.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
