// Word lists the synthetic worlds are built from. A world picks from them with its own seeded PRNG, so
// two topics get different entities, fields, statuses, operations and rules.

/** One status change: the method prefix, how a task asks for it, the statuses it starts from and its target. */
export interface TransitionWord {
  /** camelCase method prefix, e.g. `checkIn` (the method is `checkInAppointment`). */
  method: string;
  /** Past participle for rules: "can be checked in only while …". */
  past: string;
  /** The task sentence; `{label}` and `{id}` are filled in. */
  phrase: string;
  from: string[];
  to: string;
}

export interface Lifecycle {
  values: string[];
  /** Status of a newly created record. */
  initial: string;
  /** Statuses after which a record can no longer be edited. */
  terminal: string[];
  transitions: TransitionWord[];
}

const t = (method: string, past: string, phrase: string, from: string[], to: string): TransitionWord => ({
  method,
  past,
  phrase,
  from,
  to,
});

/** Lifecycles of transaction-like records (orders, bookings, tickets, …). */
export const recordLifecycles: readonly Lifecycle[] = [
  {
    values: ['pending', 'confirmed', 'completed', 'cancelled'],
    initial: 'pending',
    terminal: ['completed', 'cancelled'],
    transitions: [
      t('confirm', 'confirmed', 'Confirm {label} {id}.', ['pending'], 'confirmed'),
      t('complete', 'completed', 'Mark {label} {id} as completed.', ['confirmed'], 'completed'),
      t('cancel', 'cancelled', 'Cancel {label} {id}.', ['pending', 'confirmed'], 'cancelled'),
    ],
  },
  {
    values: ['draft', 'submitted', 'approved', 'rejected'],
    initial: 'draft',
    terminal: ['approved', 'rejected'],
    transitions: [
      t('submit', 'submitted', 'Submit {label} {id} for review.', ['draft'], 'submitted'),
      t('approve', 'approved', 'Approve {label} {id}.', ['submitted'], 'approved'),
      t('reject', 'rejected', 'Reject {label} {id}.', ['submitted'], 'rejected'),
    ],
  },
  {
    values: ['open', 'in_progress', 'resolved', 'closed'],
    initial: 'open',
    terminal: ['closed'],
    transitions: [
      t('start', 'started', 'Start work on {label} {id}.', ['open'], 'in_progress'),
      t('resolve', 'resolved', 'Resolve {label} {id}.', ['in_progress'], 'resolved'),
      t('close', 'closed', 'Close {label} {id}.', ['resolved'], 'closed'),
    ],
  },
  {
    values: ['ordered', 'packed', 'shipped', 'delivered', 'returned'],
    initial: 'ordered',
    terminal: ['returned'],
    transitions: [
      t('pack', 'packed', 'Pack {label} {id}.', ['ordered'], 'packed'),
      t('ship', 'shipped', 'Ship {label} {id}.', ['packed'], 'shipped'),
      t('deliver', 'delivered', 'Record the delivery of {label} {id}.', ['shipped'], 'delivered'),
      t('return', 'returned', 'Take back {label} {id} as returned.', ['delivered'], 'returned'),
    ],
  },
  {
    values: ['scheduled', 'checked_in', 'finished', 'no_show'],
    initial: 'scheduled',
    terminal: ['finished', 'no_show'],
    transitions: [
      t('checkIn', 'checked in', 'Check in {label} {id}.', ['scheduled'], 'checked_in'),
      t('finish', 'finished', 'Finish {label} {id}.', ['checked_in'], 'finished'),
      t('markNoShow', 'marked as a no-show', 'Mark {label} {id} as a no-show.', ['scheduled'], 'no_show'),
    ],
  },
  {
    values: ['available', 'reserved', 'maintenance', 'retired'],
    initial: 'available',
    terminal: ['retired'],
    transitions: [
      t('reserve', 'reserved', 'Reserve {label} {id}.', ['available'], 'reserved'),
      t('release', 'released', 'Release {label} {id} back to available.', ['reserved'], 'available'),
      t('service', 'sent to maintenance', 'Send {label} {id} to maintenance.', ['available'], 'maintenance'),
      t('retire', 'retired', 'Retire {label} {id}.', ['available', 'maintenance'], 'retired'),
    ],
  },
];

/** Lifecycles of people and places (customers, venues, …). */
export const partyLifecycles: readonly Lifecycle[] = [
  {
    values: ['active', 'suspended', 'closed'],
    initial: 'active',
    terminal: ['closed'],
    transitions: [
      t('suspend', 'suspended', 'Suspend {label} {id}.', ['active'], 'suspended'),
      t('reinstate', 'reinstated', 'Reinstate {label} {id}.', ['suspended'], 'active'),
    ],
  },
  {
    values: ['prospect', 'active', 'inactive'],
    initial: 'prospect',
    terminal: [],
    transitions: [
      t('activate', 'activated', 'Activate {label} {id}.', ['prospect', 'inactive'], 'active'),
      t('deactivate', 'deactivated', 'Deactivate {label} {id}.', ['active'], 'inactive'),
    ],
  },
];

/** People and places: the roots other records belong to. */
export const partyNouns: readonly string[] = [
  'Customer',
  'Member',
  'Patient',
  'Client',
  'Vendor',
  'Supplier',
  'Driver',
  'Technician',
  'Student',
  'Guest',
  'Tenant',
  'Venue',
  'Warehouse',
  'Studio',
  'Clinic',
  'Depot',
  'Team',
  'Household',
  'Owner',
  'Branch',
  'Agent',
  'Partner',
  'Volunteer',
  'Courier',
];

/** Transaction-like records that belong to a party. */
export const recordNouns: readonly string[] = [
  'Order',
  'Booking',
  'Reservation',
  'Appointment',
  'Ticket',
  'Shipment',
  'Invoice',
  'Project',
  'Device',
  'Vehicle',
  'Room',
  'Course',
  'Claim',
  'Parcel',
  'Asset',
  'Contract',
  'Listing',
  'Subscription',
  'Visit',
  'Job',
  'Lease',
  'Permit',
  'Delivery',
  'Campaign',
  'Inspection',
  'Repair',
  'Enrollment',
  'Consignment',
  'Workorder',
  'Rental',
  'Voucher',
  'Incident',
];

/** Label-like string fields: what a record is called. */
export const titleFields: readonly string[] = ['title', 'label', 'summary', 'reference', 'headline'];
/** Extra free-text fields. */
export const textFields: readonly string[] = ['notes', 'location', 'contactEmail', 'category', 'channel'];

/** Number fields with the range a rule keeps them in. */
export const numberFields: readonly { name: string; min: number; max: number }[] = [
  { name: 'quantity', min: 1, max: 40 },
  { name: 'capacity', min: 1, max: 120 },
  { name: 'priority', min: 1, max: 5 },
  { name: 'price', min: 0, max: 5000 },
  { name: 'durationMinutes', min: 5, max: 480 },
  { name: 'seats', min: 1, max: 12 },
  { name: 'weightKg', min: 1, max: 900 },
  { name: 'budget', min: 0, max: 20000 },
  { name: 'headcount', min: 1, max: 60 },
  { name: 'mileage', min: 0, max: 9000 },
];
export const flagFields: readonly string[] = [
  'urgent',
  'verified',
  'paid',
  'flagged',
  'insured',
  'priorityHandling',
];

export const firstNames: readonly string[] = [
  'Ada',
  'Bruno',
  'Chidi',
  'Dana',
  'Elif',
  'Farah',
  'Goran',
  'Hana',
  'Ivo',
  'Jun',
  'Kalani',
  'Lena',
  'Marek',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Soren',
  'Tomas',
  'Uma',
  'Vera',
  'Wen',
  'Yusuf',
];
export const lastNames: readonly string[] = [
  'Adeyemi',
  'Berg',
  'Castillo',
  'Duarte',
  'Eriksen',
  'Fischer',
  'Gupta',
  'Haddad',
  'Ito',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Novak',
  'Okafor',
  'Petrov',
  'Quist',
  'Rossi',
  'Sato',
  'Tanaka',
];
export const adjectives: readonly string[] = [
  'Blue',
  'Quiet',
  'Northern',
  'Rapid',
  'Golden',
  'Harbor',
  'Maple',
  'Summit',
  'Cedar',
  'Silver',
  'Copper',
  'Lakeside',
  'Granite',
  'Willow',
  'Amber',
  'Coastal',
];
export const things: readonly string[] = [
  'review',
  'refit',
  'pickup',
  'session',
  'upgrade',
  'checkup',
  'install',
  'transfer',
  'visit',
  'batch',
  'delivery',
  'rotation',
  'audit',
  'workshop',
  'trial',
  'renewal',
];
export const places: readonly string[] = [
  'Dock 4',
  'Floor 2',
  'North wing',
  'Bay 7',
  'Annex',
  'Front desk',
  'Yard B',
  'Suite 310',
  'Lab 1',
];
export const categories: readonly string[] = [
  'standard',
  'express',
  'bulk',
  'priority',
  'seasonal',
  'internal',
];

/** Last words of a topic that name the kind of system, not a record. */
export const topicTails: readonly string[] = [
  'management',
  'desk',
  'tracking',
  'operations',
  'records',
  'scheduling',
  'services',
  'administration',
];

/** Words that never make a topic or an entity name. */
export const stopWords: ReadonlySet<string> = new Set(
  `a an the and or of for to in on at by with from into onto over under about after before this that these
  those it its is are was were be been being i me my we our you your he she they them their his her please
  can could would should will shall may might must need needs want wants like just also then than there
  here what which who whom whose when where why how all any each every some no not only own same so too very
  new next last first second third one two three four five six seven eight nine ten today tomorrow yesterday
  monday tuesday wednesday thursday friday saturday sunday week weeks month months year years day days
  morning evening night time times book books cancel check update create add remove delete find show list
  make get set put give tell let help change move send mark record log reschedule schedule reserve
  booked cancelled checked updated created added removed ask asked know due back up down out off via per
  enrol enroll enrolled hold held register assign transfer approve return returned pay refund renew clear clears
  restock process handle arrange confirm until while since still
  system environment manage managing tracker tracking management desk records operations services
  record state date error map promise string number boolean object array environment class`.split(/\s+/),
);
