/**
 * Conformance of the other three BFCL v3 multi-turn categories (miss_func, miss_param, long_context): gold
 * replay of each train half against its expected per-turn state digests, and a crash-free replay of all
 * 200 entries of each, on the data shipped in data/ and fixtures/ (data/README.md, "The other three
 * categories").
 */
import { describe, expect, it } from 'vitest';
import {
  BFCL_CATEGORIES,
  readBfclData,
  type BfclCategory,
  type BfclData,
  type BfclEntry,
} from '../src/data.js';
import { parameterOrderFromDocs } from '../src/python-call.js';
import { replayGold } from '../src/replay.js';
import { BfclMultiTurn } from '../env.js';

const isTrain = (id: string): boolean => Number(id.split('_').pop()) % 2 === 0;
const number = (id: string): number => Number(id.split('_').pop());

const categories = ['miss_func', 'miss_param', 'long_context'] as const;
const data = Object.fromEntries(
  await Promise.all(
    BFCL_CATEGORIES.map(async (category) => [category, await readBfclData({ category })] as const),
  ),
) as Record<BfclCategory, BfclData>;
const parameterOrder = parameterOrderFromDocs([...data.base.docsByClass.values()].flat());

function replay(category: BfclCategory, entry: BfclEntry, roundTripState = false) {
  const groundTruth = data[category].groundTruth.get(entry.id);
  if (!groundTruth) throw new Error(`no ground truth for ${entry.id}`);
  return replayGold({
    involved_classes: entry.involved_classes,
    initial_config: entry.initial_config,
    groundTruth,
    parameterOrder,
    roundTripState,
    long_context: category === 'long_context',
  });
}

/** Per category: question turns, calls, the one failing call (entry 121) and the stateless train entries. */
const FACTS: Record<(typeof categories)[number], { turns: number; calls: number; failingTurn: number }> = {
  miss_func: { turns: 945, calls: 1159, failingTurn: 4 },
  miss_param: { turns: 945, calls: 1159, failingTurn: 4 },
  long_context: { turns: 745, calls: 1222, failingTurn: 3 },
};
const STATELESS_TRAIN = [20, 108, 120, 124, 128, 144, 182];

describe('readBfclData({ category })', () => {
  it('reads each category: 200 entries with ground truth, 100 train entries with expected digests', () => {
    for (const category of BFCL_CATEGORIES) {
      const d = data[category];
      expect(d.category).toBe(category);
      expect(d.entries).toHaveLength(200);
      expect(d.entries.map((e) => e.id)).toEqual(
        Array.from({ length: 200 }, (_, i) => `multi_turn_${category}_${i}`),
      );
      for (const entry of d.entries) expect(d.groundTruth.has(entry.id)).toBe(true);
      expect([...d.expectedTrain.keys()].sort()).toEqual(
        d.entries
          .filter((e) => isTrain(e.id))
          .map((e) => e.id)
          .sort(),
      );
      // Same classes as base, entry by entry.
      d.entries.forEach((entry, i) =>
        expect(entry.involved_classes).toEqual(data.base.entries[i]?.involved_classes),
      );
    }
  });

  it('rejects an unknown category', async () => {
    await expect(readBfclData({ category: 'composite' as BfclCategory })).rejects.toThrow(/unknown BFCL/);
  });

  it('miss_func: the withheld turn has no question, and the turn before it has no gold calls', () => {
    for (const entry of data.miss_func.entries) {
      const missed = Object.entries(entry.missed_function ?? {});
      expect(missed).toHaveLength(1);
      const [k, names] = missed[0] as [string, string[]];
      expect(names.length).toBeGreaterThanOrEqual(1);
      expect(entry.question[Number(k)]).toEqual([]);
      expect(data.miss_func.groundTruth.get(entry.id)?.[Number(k) - 1]).toEqual([]);
    }
  });

  it('question turns equal ground-truth turns in the three categories', () => {
    for (const category of categories) {
      for (const entry of data[category].entries) {
        expect(entry.question.length).toBe(data[category].groundTruth.get(entry.id)?.length);
      }
    }
  });
});

describe.each(categories)('%s: gold replay, train split: per-turn state digests', (category) => {
  const trainEntries = data[category].entries.filter((entry) => isTrain(entry.id));
  it.each(trainEntries.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
    const want = data[category].expectedTrain.get(id);
    if (!want) throw new Error(`no expected digests for ${id}`);
    expect(entry.involved_classes).toEqual(want.classes);
    const got = replay(category, entry, true);
    expect(got.initialDigest).toBe(want.initial_state_digest);
    expect(got.turns).toHaveLength(want.turns.length);
    got.turns.forEach((turn, t) => {
      const wantTurn = want.turns[t];
      expect({ turn: t, calls: turn.calls.length, errors: turn.errors, digest: turn.digest }).toEqual({
        turn: t,
        calls: wantTurn?.n_calls,
        errors: wantTurn?.errors,
        digest: wantTurn?.state_digest,
      });
    });
  });
});

describe.each(categories)('%s: gold replay, all 200 entries', (category) => {
  it('replays without crashing; the only failing call is make_transaction in entry 121', () => {
    const failures: string[] = [];
    const stateless: number[] = [];
    let calls = 0;
    let turns = 0;
    for (const entry of data[category].entries) {
      const got = replay(category, entry);
      turns += got.turns.length;
      got.turns.forEach((turn, t) => {
        calls += turn.calls.length;
        for (const index of turn.errors) failures.push(`${entry.id} turn ${t}: ${turn.calls[index]?.name}`);
      });
      if (got.turns.every((turn) => turn.digest === got.initialDigest)) stateless.push(number(entry.id));
    }
    const facts = FACTS[category];
    expect({ turns, calls }).toEqual({ turns: facts.turns, calls: facts.calls });
    expect(failures).toEqual([`multi_turn_${category}_121 turn ${facts.failingTurn}: make_transaction`]);
    expect(stateless.filter((n) => n % 2 === 0)).toEqual(STATELESS_TRAIN);
  });
});

describe('long-context loading', () => {
  const entryOf = (category: BfclCategory, n: number) => data[category].entries[n] as BfclEntry;
  const load = (entry: BfclEntry, long_context: boolean) =>
    BfclMultiTurn.fromConfig({
      involved_classes: entry.involved_classes,
      initial_config: entry.initial_config,
      long_context,
    });

  it('sets long_context, extends files and directories, and merges the extra cards and bookings', () => {
    // Entry 0 is a file-system entry; its base and long-context configs are equal.
    const entry = entryOf('long_context', 0);
    expect(entry.initial_config).toEqual(entryOf('base', 0).initial_config);
    const plain = BfclMultiTurn.publicState(load(entry, false)) as Record<string, Record<string, unknown>>;
    const long = BfclMultiTurn.publicState(load(entry, true)) as Record<string, Record<string, unknown>>;
    expect(plain.GorillaFileSystem?.long_context).toBe(false);
    expect(long.GorillaFileSystem?.long_context).toBe(true);
    expect(JSON.stringify(long).length).toBeGreaterThan(JSON.stringify(plain).length);

    type Dir = { type: 'directory'; contents: Record<string, Dir | { type: 'file'; content: string }> };
    const walk = (dir: Dir, visit: (name: string, node: Dir['contents'][string], parent: Dir) => void) => {
      for (const [name, node] of Object.entries(dir.contents)) {
        visit(name, node, dir);
        if (node.type === 'directory') walk(node, visit);
      }
    };
    const rootOf = (s: Record<string, Record<string, unknown>>) =>
      Object.values(s.GorillaFileSystem?.root as Record<string, Dir>)[0] as Dir;
    const plainFiles = new Map<string, string>();
    walk(rootOf(plain), (name, node) => {
      if (node.type === 'file') plainFiles.set(name, node.content);
    });
    let images = 0;
    walk(rootOf(long), (name, node) => {
      if (node.type !== 'file') return;
      if (/^image_\d+\.jpg$/.test(name)) {
        images++;
        expect(node.content).toBe('');
      } else if (['log.txt', 'report.txt', 'file3.txt'].includes(name)) {
        expect(node.content).toBe(plainFiles.get(name));
      } else {
        expect(node.content.startsWith(plainFiles.get(name) ?? '\u0000')).toBe(true);
        expect(node.content.length - (plainFiles.get(name)?.length ?? 0)).toBe(3251);
      }
    });
    expect(images % 30).toBe(0);
    expect(images).toBeGreaterThan(0);

    const travel = data.long_context.entries.find((e) =>
      e.involved_classes.includes('TravelAPI'),
    ) as BfclEntry;
    const t = BfclMultiTurn.publicState(load(travel, true)) as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    const configured = (travel.initial_config.TravelAPI ?? {}) as Record<string, Record<string, unknown>>;
    const cards = Object.keys(t.TravelAPI?.credit_card_list ?? {});
    expect(cards.length).toBe(new Set([...Object.keys(configured.credit_card_list ?? {}), ...cards]).size);
    expect(cards.length).toBeGreaterThanOrEqual(22);
    expect(Object.keys(t.TravelAPI?.booking_record ?? {}).length).toBeGreaterThanOrEqual(16);
    // Message, posting and ticket classes do not change.
    const message = data.long_context.entries.find((e) =>
      e.involved_classes.includes('MessageAPI'),
    ) as BfclEntry;
    expect((BfclMultiTurn.publicState(load(message, true)) as Record<string, unknown>).MessageAPI).toEqual(
      (BfclMultiTurn.publicState(load(message, false)) as Record<string, unknown>).MessageAPI,
    );
  });

  it('long-context tool results carry the extras; the state they change stays the same as without', () => {
    const config = { involved_classes: ['TradingBot', 'VehicleControlAPI', 'TravelAPI'], initial_config: {} };
    const long = new BfclMultiTurn(BfclMultiTurn.fromConfig({ ...config, long_context: true }));
    const plain = new BfclMultiTurn(BfclMultiTurn.fromConfig(config));
    const data_ = (r: ReturnType<BfclMultiTurn['get_stock_info']>) =>
      r.ok ? (r.data as Record<string, unknown>) : {};
    expect((data_(long.get_stock_info({ symbol: 'AAPL' }))['MA(5)'] as unknown[]).length).toBe(2000);
    expect(data_(plain.get_stock_info({ symbol: 'AAPL' }))['MA(5)']).toBe(227.11);
    const order = data_(long.get_order_details({ order_id: 12345 }));
    expect(Object.keys(order.metadata as object)).toHaveLength(8);
    expect((order.metadata as Record<string, string>).company_overview).toContain('AAPL is one of');
    long.trading_login({ username: 'u', password: 'p' });
    plain.trading_login({ username: 'u', password: 'p' });
    const watch = long.get_watchlist({});
    expect(watch.ok && Array.isArray(watch.data) && watch.data.length).toBe(1 + 1001);
    expect((data_(long.get_available_stocks({ sector: 'Technology' })).stock_list as unknown[]).length).toBe(
      1004,
    );
    expect((data_(long.get_transaction_history({})).transaction_history as unknown[]).length).toBe(1000);
    expect(Object.keys(data_(long.displayCarStatus({ option: 'fuel' })))).toEqual(['metadata', 'fuelLevel']);
    expect(
      (data_(long.estimate_distance({ cityA: '83214', cityB: '74532' })).intermediaryCities as unknown[])
        .length,
    ).toBe(826);
    const weather = data_(long.get_outside_temperature_from_google({}));
    expect(weather.outsideTemperature).toEqual(
      data_(plain.get_outside_temperature_from_google({})).outsideTemperature,
    );
    expect(Object.keys(weather)).toHaveLength(16);
    expect(typeof data_(long.check_tire_pressure({})).car_info).toBe('string');
    expect(Object.keys(data_(long.activateParkingBrake({ mode: 'engage' })))[0]).toBe(
      'parkingBrakeInstruction',
    );
    plain.activateParkingBrake({ mode: 'engage' });
    const costs = data_(
      long.get_flight_cost({
        travel_from: 'SFO',
        travel_to: 'LAX',
        travel_date: '2024-11-16',
        travel_class: 'economy',
      }),
    );
    expect((costs.travel_cost_list as number[]).length).toBeGreaterThan(100);
    expect((costs.travel_cost_list as number[])[0]).toBe(200);
    const strip = (s: unknown) => {
      const out = JSON.parse(JSON.stringify(s)) as Record<string, Record<string, unknown>>;
      for (const cls of Object.values(out)) delete cls.long_context;
      delete out.TravelAPI;
      return out;
    };
    expect(strip(BfclMultiTurn.publicState(long.state))).toEqual(
      strip(BfclMultiTurn.publicState(plain.state)),
    );
  });
});
