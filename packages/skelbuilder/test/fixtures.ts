import type { ScriptedEnvSpec } from '../src/scripted.js';
import { exampleScriptedEnvs } from '../src/testing.js';

/** A task judged stateful whose topic scores too low to keep. */
export const horoscope: ScriptedEnvSpec = {
  task: {
    id: 'astro-001',
    task: 'Tell me what my horoscope says about work this week and remember my star sign.',
  },
  stateful: true,
  topic: {
    topic: 'Personal horoscope readings',
    description: 'Stores users and their star signs and serves daily horoscope texts.',
  },
  score: { usefulness: 3, modelability: 6, reason: 'Horoscopes have no checkable rules.' },
};

/** An environment whose `parkCar` never compiles, however often it is repaired. */
export const parking: ScriptedEnvSpec = {
  task: {
    id: 'park-001',
    task: 'Reserve parking spot 14 on level 2 for the car with plate KX-221 from 8:00 to 17:00.',
  },
  stateful: true,
  topic: {
    topic: 'Multi-storey car park',
    description: 'A car park with levels and numbered spots that drivers reserve by plate.',
  },
  entities: {
    className: 'CarPark',
    summary: 'A multi-storey car park with reservable spots.',
    entities: [
      {
        name: 'Spot',
        collection: 'spots',
        description: 'A parking spot.',
        fields: [
          { name: 'id', type: 'string', description: 'Spot id like "L2-14".' },
          { name: 'level', type: 'number', description: 'Level number.' },
          { name: 'occupied', type: 'boolean', description: 'Whether a car is parked or booked.' },
        ],
      },
    ],
    rules: ['A spot can hold one reservation at a time.'],
  },
  operations: [
    {
      name: 'getSpot',
      kind: 'query',
      description: 'Look up a spot.',
      args: [{ name: 'spotId', type: 'string', description: 'The spot id.' }],
      result: { type: 'Spot', description: 'the spot.' },
      rules: [],
    },
    {
      name: 'parkCar',
      kind: 'mutation',
      description: 'Reserve a spot for a plate.',
      args: [
        { name: 'spotId', type: 'string', description: 'The spot id.' },
        { name: 'plate', type: 'string', description: 'Number plate.' },
      ],
      result: { type: 'Spot', description: 'the reserved spot.' },
      rules: ['A spot can hold one reservation at a time.'],
    },
  ],
  methods: {
    getSpot:
      "const spot = this.state.spots[args.spotId];\nreturn spot ? this.ok(spot) : this.fail('NOT_FOUND', 'no such spot');",
    parkCar:
      "const spot = this.state.spots[args.spotId];\nif (!spot) return this.fail('NOT_FOUND', 'no such spot');\nspot.plate = args.plate;\nspot.occupied = true;\nreturn this.ok(spot);",
  },
};

/** An environment that compiles but whose tester finds it breaking its own rules. */
export const inventory: ScriptedEnvSpec = {
  task: {
    id: 'inv-001',
    task: 'Receive a shipment of 40 units of SKU WID-7 into warehouse B and update the stock level.',
  },
  stateful: true,
  topic: {
    topic: 'Warehouse stock levels',
    description: 'Products with stock counts per warehouse; shipments in and orders out.',
  },
  entities: {
    className: 'WarehouseStock',
    summary: 'Stock levels of products.',
    entities: [
      {
        name: 'Product',
        collection: 'products',
        description: 'A stock-keeping unit.',
        fields: [
          { name: 'id', type: 'string', description: 'SKU.' },
          { name: 'name', type: 'string', description: 'Product name.' },
          { name: 'stock', type: 'number', description: 'Units on hand.' },
        ],
      },
    ],
    rules: ['Stock can never go below zero.'],
  },
  operations: [
    {
      name: 'getProduct',
      kind: 'query',
      description: 'Look up a product.',
      args: [{ name: 'productId', type: 'string', description: 'SKU.' }],
      result: { type: 'Product', description: 'the product.' },
      rules: [],
    },
    {
      name: 'adjustStock',
      kind: 'mutation',
      description: 'Add (positive) or remove (negative) units.',
      args: [
        { name: 'productId', type: 'string', description: 'SKU.' },
        { name: 'delta', type: 'number', description: 'Units to add or remove.' },
      ],
      result: { type: 'Product', description: 'the product after the change.' },
      rules: ['Stock can never go below zero.'],
    },
  ],
  methods: {
    getProduct:
      "const p = this.state.products[args.productId];\nreturn p ? this.ok(p) : this.fail('NOT_FOUND', 'no such product');",
    adjustStock:
      "const p = this.state.products[args.productId];\nif (!p) return this.fail('NOT_FOUND', 'no such product');\np.stock += args.delta;\nreturn this.ok(p);",
  },
  initialState: { products: { 'WID-7': { id: 'WID-7', name: 'Widget', stock: 5 } } },
  testerTurns: [
    [
      { tool: 'adjustStock', arguments: { productId: 'WID-7', delta: 40 }, purpose: 'receive a shipment' },
      {
        tool: 'adjustStock',
        arguments: { productId: 'WID-7', delta: -100 },
        purpose: 'remove more than on hand',
      },
      { tool: 'getProduct', arguments: { productId: 'WID-7' }, purpose: 'check the stock' },
    ],
  ],
  verdict: (index) =>
    index === 0
      ? { verdict: 'pass', reason: 'Stock went from 5 to 45.' }
      : { verdict: 'fail', reason: 'Stock went negative (-55) although the rule forbids it.' },
};

/** The full scripted corpus of the pipeline test. */
export function pipelineEnvs(): ScriptedEnvSpec[] {
  return [...exampleScriptedEnvs(), horoscope, parking, inventory];
}
