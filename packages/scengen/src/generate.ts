// Long on purpose: `generateScenarios` is one funnel whose per-candidate steps (`runSlot`) close over the
// run's shared state (stage cache, usage ledger, dedup turns, check statistics); split into modules they
// would have to pass that state around explicitly. The stages and gates themselves live in stages/ and gates/.
import { join } from 'node:path';
import {
  EnvscalerError,
  GenerationFailedError,
  InvalidArtifactError,
  parseScenario,
  summarizeCallUsage,
  type ChatModel,
  type PriceTable,
  type CheckItem,
  type Scenario,
} from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import { validateScenario } from '@envscaler/validate';
import { ScenarioStageCache } from './cache.js';
import { hashValue } from './hash.js';
import { trackUsage, UsageLedger } from './usage.js';
import { sharedChecklistTypeChecker, type ChecklistTypeChecker } from './typecheck.js';
import { defaultCheckRunner } from './default-check-runner.js';
import { generateInitialState } from './stages/state.js';
import { generateTask } from './stages/task.js';
import { generateChecklist } from './stages/checklist.js';
import { generateCheckFunctions, type CheckFunctionsResult } from './stages/checks.js';
import { runDoNothingGate } from './gates/do-nothing.js';
import { runSolvabilityGate, type Memo } from './gates/solvability.js';
import { TaskDeduper, DEFAULT_DEDUP_THRESHOLD } from './gates/dedup.js';
import { labelDifficulty, type DifficultyThresholds } from './gates/difficulty.js';
import {
  buildFunnel,
  totalUsage,
  type DroppedScenario,
  type FunnelGate,
  type ScenarioReport,
} from './report.js';
import type { ScenarioCheckRunner, ScenarioEnvironment, TaskDraft } from './types.js';

/** Bumped when a stage's prompt or output shape changes, so old cache entries are not reused. */
const CACHE_VERSION = 1;

export type ScenarioProgressEvent =
  | { type: 'candidate-started'; slot: number }
  | { type: 'scenario-kept'; slot: number; scenarioId: string; kept: number; requested: number }
  | { type: 'scenario-dropped'; slot: number; gate: FunnelGate; reason: string; scenarioId?: string };

export interface GenerateScenariosOptions {
  /** A loaded environment (the runtime's `LoadedEnvironment`). */
  env: ScenarioEnvironment;
  /** How many valid scenarios to write. */
  count: number;
  /** Generation model for every stage except the solver (unless `solverModel` is given). */
  model: ChatModel;
  /** Output root: writes `scenarios/<envId>.jsonl`, `scenarios/<envId>.report.json`, `.cache/scengen/`. */
  out: string;
  /** Candidates processed at once (default 2). */
  concurrency?: number;
  /** k for the solvability gate (default 2). */
  solverAttempts?: number;
  /** Model turns per solver episode (default 30). */
  maxSteps?: number;
  signal?: AbortSignal;
  onProgress?: (event: ScenarioProgressEvent) => void;
  /** Optional pass-rate sampling with an agent model; labels each kept scenario. */
  difficulty?: { agent: ChatModel; samples: number; thresholds?: DifficultyThresholds };
  /** Model for the solver agent (default `model`). */
  solverModel?: ChatModel;
  /** Candidate budget: stop after this many slots even if fewer than `count` were kept (default 2 × count). */
  maxCandidates?: number;
  /** TF-IDF cosine at or above which a task counts as a duplicate (default 0.85). */
  dedupThreshold?: number;
  /** Repair requests per check that fails to type-check (default 2). */
  maxRepairs?: number;
  /** Attempts per JSON stage, including re-asks with the validation errors (default 3). */
  maxAttempts?: number;
  /** Evaluates checks (default: the runtime's sandboxed check runner). */
  checkRunner?: ScenarioCheckRunner;
  typeChecker?: ChecklistTypeChecker;
  /** A sample of real data shown to the state stage for formats and style (not copied). */
  exampleState?: unknown;
  /** Extra referential-integrity rules for generated initial states. */
  integrity?: (state: unknown) => string[];
  /** Recorded as `provenance.model` (default: the model name the endpoint reports). */
  modelName?: string;
  /**
   * USD per million tokens by model name (the config's `prices`): the report's `costUsd` prices every
   * recorded call (fresh and cached) at the price of the model it went to.
   */
  prices?: PriceTable;
}

export interface GenerateScenariosResult {
  scenarios: Scenario[];
  report: ScenarioReport;
  paths: { scenarios: string; report: string };
}

/** A candidate left the funnel at `gate`. */
class Drop extends Error {
  constructor(
    readonly gate: FunnelGate,
    readonly reason: string,
    readonly scenarioId?: string,
  ) {
    super(reason);
  }
}

interface SlotOutcome {
  scenario?: Scenario;
  drop?: DroppedScenario;
}

const STATE_FOCUS = [
  'a typical, busy day with entities in many different states',
  'a few long-standing customers or owners with rich histories',
  'edge cases: some entities unavailable, cancelled or incomplete',
  'recent activity: several entities created or changed lately',
  'a small but dense world where entities refer to each other a lot',
];

/** Deterministic per-slot variation so candidates differ without depending on each other. */
function focusFor(env: ScenarioEnvironment, slot: number): { state: string; task: string } {
  const mutations = env.tools.filter((t) => t.kind === 'mutation').map((t) => t.name);
  const pool = mutations.length > 0 ? mutations : env.tools.map((t) => t.name);
  const pick = pool.length > 0 ? pool[slot % pool.length]! : undefined;
  const second = pool.length > 1 ? pool[(slot * 7 + 3) % pool.length] : undefined;
  const tools = [pick, second].filter((t, i, a) => t && a.indexOf(t) === i).join(' and ');
  return {
    // Once the focus list wraps round, the round number keeps slot s and s + STATE_FOCUS.length apart:
    // identical prompts get identical (or cached) answers, which the dedup gate would then drop. The first
    // round's prompts stay as they were, so recorded cassettes still match.
    state:
      STATE_FOCUS[slot % STATE_FOCUS.length]! +
      (slot < STATE_FOCUS.length ? '' : ` (variant ${Math.floor(slot / STATE_FOCUS.length) + 1})`),
    task: tools
      ? `a task whose solution involves ${tools}, plus the lookups needed first`
      : 'a multi-step task',
  };
}

export function envFingerprint(env: ScenarioEnvironment): string {
  return hashValue({
    id: env.id,
    stateSchema: env.stateSchema,
    tools: env.tools,
    rules: env.rules,
    introduction: env.introduction,
    source: env.source ?? null,
  });
}

export function scenarioIdFor(envId: string, initialState: unknown, task: string): string {
  return `${envId}-${hashValue({ initialState, task }).slice(0, 12)}`;
}

/**
 * Generates up to `count` validated scenarios for one environment: initial state → task → dedup →
 * checklist → typed check functions → do-nothing gate → solvability gate (→ difficulty), writing
 * `<out>/scenarios/<envId>.jsonl` and `<envId>.report.json`. Every model-calling step is cached under
 * `<out>/.cache/scengen/<stage>/<sha256>.json`, so a re-run resumes without repeating model calls.
 * A fatal error (model endpoint down, sandbox failure, abort) stops the run after writing finished work.
 */
/** The ledger of the cached step a slot is running, if any. */
interface UsageScope {
  current?: UsageLedger;
}

export async function generateScenarios(options: GenerateScenariosOptions): Promise<GenerateScenariosResult> {
  const { env } = options;
  if (!Number.isInteger(options.count) || options.count < 1)
    throw new EnvscalerError('INVALID_INPUT', `count must be a positive integer, got ${options.count}`);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  const maxCandidates = options.maxCandidates ?? options.count * 2;
  const cache = new ScenarioStageCache(join(options.out, '.cache', 'scengen'));
  const ledger = new UsageLedger();
  /**
   * Counts a slot's model calls in the ledger of the cached step running now (else the run's). A slot's
   * steps run one after another, so a plain per-slot field does this; AsyncLocalStorage would too, but
   * on Node 20 it turns on promise hooks for the whole process, which slowed every later stage (and the
   * rollouts after them) by half.
   */
  const track = (model: ChatModel, scope: UsageScope): ChatModel =>
    trackUsage({ model, ledger: () => scope.current ?? ledger });
  const slotModels = (scope: UsageScope) => {
    const model = track(options.model, scope);
    return {
      model,
      solverModel: options.solverModel ? track(options.solverModel, scope) : model,
      agentModel: options.difficulty ? track(options.difficulty.agent, scope) : undefined,
    };
  };
  const checker = options.typeChecker ?? sharedChecklistTypeChecker();
  const checkRunner = options.checkRunner ?? (await defaultCheckRunner());
  const fingerprint = envFingerprint(env);
  let modelName = options.modelName;

  /** Runs a model-calling step once per input hash; generation failures are cached too. */
  async function cached<T>(
    scope: UsageScope,
    stage: string,
    inputs: unknown,
    run: () => Promise<T>,
  ): Promise<T> {
    const key = hashValue({ v: CACHE_VERSION, env: fingerprint, stage, inputs });
    const hit = await cache.get<T>(stage, key);
    if (hit) {
      ledger.replay(hit);
      modelName ??= hit.model;
      if (hit.ok) return hit.value;
      throw new GenerationFailedError({ message: hit.error.message, stage, attempts: 0, lastOutput: '' });
    }
    if (scope.current) {
      throw new EnvscalerError(
        'INTERNAL',
        `scengen: cached step '${stage}' started while another ran in its slot`,
      );
    }
    const local = new UsageLedger();
    scope.current = local;
    try {
      const value = await run();
      await cache.put(stage, key, {
        ok: true,
        value,
        usage: local.byStage,
        model: local.lastModel,
        calls: local.calls,
      });
      return value;
    } catch (error) {
      if (error instanceof GenerationFailedError) {
        await cache.put(stage, key, {
          ok: false,
          error: { code: error.code, message: error.message },
          usage: local.byStage,
          model: local.lastModel,
          calls: local.calls,
        });
      }
      throw error;
    } finally {
      scope.current = undefined;
      ledger.absorb(local);
      modelName ??= local.lastModel;
    }
  }
  const memoFor =
    (scope: UsageScope, stage: string, inputs: unknown): Memo =>
    (key, run) =>
      cached(scope, stage, { ...(inputs as object), key }, run);

  const dedup = new TaskDeduper(options.dedupThreshold ?? DEFAULT_DEDUP_THRESHOLD);
  const dedupTurns: Promise<void>[] = [];
  const checkStats = { generated: 0, repaired: 0, droppedTypecheck: 0, rewritten: 0, droppedDoNothing: 0 };
  const checkErrors: ScenarioReport['checkErrors'] = [];
  const difficultyCounts = { too_easy: 0, trainable: 0, too_hard: 0 };
  const common = { env, signal: options.signal, maxAttempts: options.maxAttempts };

  async function stage<T>(gate: FunnelGate, run: () => Promise<T>, scenarioId?: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof GenerationFailedError) throw new Drop(gate, error.message, scenarioId);
      throw error;
    }
  }

  async function runSlot(slot: number, releaseTurn: () => void): Promise<SlotOutcome> {
    let turnReleased = false;
    const release = () => {
      if (turnReleased) return;
      turnReleased = true;
      releaseTurn();
    };
    let scenarioId: string | undefined;
    const scope: UsageScope = {};
    const { model, solverModel, agentModel } = slotModels(scope);
    try {
      options.onProgress?.({ type: 'candidate-started', slot });
      const focus = focusFor(env, slot);
      const { initialState, createdAt } = await stage('state', () =>
        cached(
          scope,
          'scenario-state',
          {
            slot,
            focus: focus.state,
            ...(options.exampleState === undefined ? {} : { example: hashValue(options.exampleState) }),
          },
          async () => ({
            initialState: await generateInitialState({
              ...common,
              model,
              focus: focus.state,
              exampleState: options.exampleState,
              integrity: options.integrity,
            }),
            createdAt: new Date().toISOString(),
          }),
        ),
      );
      const draft = await stage('task', () =>
        cached<TaskDraft>(scope, 'scenario-task', { state: hashValue(initialState), focus: focus.task }, () =>
          generateTask({ ...common, model, initialState, focus: focus.task }),
        ),
      );
      scenarioId = scenarioIdFor(env.id, initialState, draft.task);
      const id = scenarioId;

      // Dedup in slot order: wait until every earlier slot has decided, so results do not depend on timing.
      await (dedupTurns[slot - 1] ?? Promise.resolve());
      const duplicate = dedup.findDuplicate(draft.task);
      if (duplicate) {
        throw new Drop(
          'dedup',
          `near-duplicate task: ${duplicate.id} (TF-IDF cosine ${duplicate.similarity.toFixed(3)} ≥ ${dedup.threshold})`,
          id,
        );
      }
      dedup.add(id, draft.task);
      release();

      const checklist = await stage(
        'checklist',
        () =>
          cached(scope, 'scenario-checklist', { state: hashValue(initialState), task: draft.task }, () =>
            generateChecklist({ ...common, model, initialState, task: draft.task }),
          ),
        id,
      );
      const generated = await stage(
        'typecheck',
        () =>
          cached<CheckFunctionsResult>(
            scope,
            'scenario-checks',
            { state: hashValue(initialState), task: draft.task, checklist },
            () =>
              generateCheckFunctions({
                ...common,
                model,
                initialState,
                task: draft.task,
                checklist,
                typeChecker: checker,
                maxRepairs: options.maxRepairs,
              }),
          ),
        id,
      );
      checkStats.generated += checklist.length;
      checkStats.repaired += generated.repaired.length;
      checkStats.droppedTypecheck += generated.dropped.length;
      if (generated.checks.length === 0) {
        throw new Drop(
          'typecheck',
          `no check function type-checks: ${generated.dropped.map((d) => `${d.id}: ${d.reason}`).join('; ')}`,
          id,
        );
      }
      const typecheckGate = {
        passed: true,
        detail:
          `${generated.checks.length}/${checklist.length} checks type-check` +
          (generated.repaired.length ? `; repaired: ${generated.repaired.join(', ')}` : '') +
          (generated.dropped.length ? `; dropped: ${generated.dropped.map((d) => d.id).join(', ')}` : ''),
      };

      const doNothing = await stage(
        'doNothing',
        () =>
          runDoNothingGate({
            ...common,
            model,
            initialState,
            task: draft.task,
            checks: generated.checks,
            checkRunner,
            typeChecker: checker,
            memo: memoFor(scope, 'scenario-checks-rewrite', {
              state: hashValue(initialState),
              task: draft.task,
            }),
          }),
        id,
      );
      checkStats.rewritten += doNothing.rewritten.length;
      checkStats.droppedDoNothing += doNothing.dropped.length;
      for (const e of doNothing.errors)
        checkErrors.push({ scenarioId: id, checkId: e.id, gate: 'doNothing', error: e.error });
      if (!doNothing.gate.passed)
        throw new Drop(
          'doNothing',
          `every check is true on the untouched initial state (${doNothing.gate.detail})`,
          id,
        );
      const checks: CheckItem[] = doNothing.checks;

      const solvability = await runSolvabilityGate({
        env,
        model: solverModel,
        initialState,
        task: draft.task,
        knownInfo: draft.user.knownInfo,
        checks,
        checkRunner,
        attempts: options.solverAttempts ?? 2,
        maxSteps: options.maxSteps,
        memo: memoFor(scope, 'scenario-solver', {
          state: hashValue(initialState),
          task: draft.task,
          maxSteps: options.maxSteps ?? 30,
        }),
        signal: options.signal,
      });
      for (const attempt of solvability.attempts)
        for (const c of attempt.checks)
          if (c.error)
            checkErrors.push({ scenarioId: id, checkId: c.id, gate: 'solvability', error: c.error });
      if (!solvability.gate.passed)
        throw new Drop('solvability', `unsolvable: ${solvability.gate.detail}`, id);

      let difficulty: Scenario['difficulty'];
      if (options.difficulty && agentModel) {
        difficulty = await labelDifficulty({
          env,
          agent: agentModel,
          samples: options.difficulty.samples,
          initialState,
          task: draft.task,
          knownInfo: draft.user.knownInfo,
          checks,
          checkRunner,
          maxSteps: options.maxSteps,
          thresholds: options.difficulty.thresholds,
          memo: memoFor(scope, 'scenario-difficulty', {
            state: hashValue(initialState),
            task: draft.task,
            checks,
          }),
          signal: options.signal,
        });
        difficultyCounts[difficulty.label]++;
      }

      const scenario: Scenario = {
        schemaVersion: 1,
        id,
        envId: env.id,
        initialState,
        task: draft.task,
        user: draft.user.unknownInfo
          ? draft.user
          : { persona: draft.user.persona, knownInfo: draft.user.knownInfo },
        checklist: checks,
        referenceSolution: solvability.referenceSolution,
        gates: {
          typecheck: typecheckGate,
          dedup: { passed: true, detail: `no earlier task at TF-IDF cosine ≥ ${dedup.threshold}` },
          doNothing: doNothing.gate,
          solvability: solvability.gate,
        },
        ...(difficulty ? { difficulty } : {}),
        provenance: { ...(modelName ? { model: modelName } : {}), createdAt, source: 'scengen' },
      };
      try {
        parseScenario(scenario);
      } catch (error) {
        if (error instanceof InvalidArtifactError) throw new Drop('artifact', error.message, id);
        throw error;
      }
      const validation = validateScenario({
        scenario,
        env: { id: env.id, tools: [...env.tools], stateSchema: env.stateSchema },
      });
      if (!validation.valid) {
        throw new Drop(
          'artifact',
          `invalid scenario: ${validation.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
          id,
        );
      }
      return { scenario };
    } catch (error) {
      if (error instanceof Drop) {
        const droppedId = error.scenarioId ?? scenarioId;
        const drop: DroppedScenario = {
          slot,
          gate: error.gate,
          reason: error.reason,
          ...(droppedId ? { scenarioId: droppedId } : {}),
        };
        options.onProgress?.({ type: 'scenario-dropped', ...drop });
        return { drop };
      }
      throw error;
    } finally {
      release();
    }
  }

  const outcomes = new Map<number, SlotOutcome>();
  let fatal: unknown;
  await new Promise<void>((resolve) => {
    let next = 0;
    let inFlight = 0;
    let kept = 0;
    const pump = () => {
      while (
        fatal === undefined &&
        !options.signal?.aborted &&
        inFlight < concurrency &&
        next < maxCandidates &&
        kept + inFlight < options.count
      ) {
        const slot = next++;
        inFlight++;
        let releaseTurn!: () => void;
        dedupTurns[slot] = new Promise<void>((r) => (releaseTurn = r));
        runSlot(slot, releaseTurn).then(
          (outcome) => {
            inFlight--;
            outcomes.set(slot, outcome);
            if (outcome.scenario) {
              kept++;
              options.onProgress?.({
                type: 'scenario-kept',
                slot,
                scenarioId: outcome.scenario.id,
                kept,
                requested: options.count,
              });
            }
            pump();
          },
          (error: unknown) => {
            inFlight--;
            fatal ??= error;
            pump();
          },
        );
      }
      if (inFlight === 0) resolve();
    };
    pump();
  });
  if (fatal === undefined && options.signal?.aborted)
    fatal = new EnvscalerError('ABORTED', 'scenario generation was aborted', {
      cause: options.signal.reason,
    });

  const ordered = [...outcomes.entries()].sort((a, b) => a[0] - b[0]).map(([, o]) => o);
  const priced = options.prices !== undefined;
  const usage = summarizeCallUsage(ledger.calls, { prices: options.prices });
  const scenarios = ordered.flatMap((o) => (o.scenario ? [o.scenario] : []));
  const dropped = ordered.flatMap((o) => (o.drop ? [o.drop] : []));
  const report: ScenarioReport = {
    schemaVersion: 1,
    envId: env.id,
    createdAt: new Date().toISOString(),
    requested: options.count,
    candidates: ordered.length,
    kept: scenarios.length,
    funnel: buildFunnel(ordered.length, dropped),
    dropped,
    checks: checkStats,
    checkErrors,
    ...(options.difficulty ? { difficulty: difficultyCounts } : {}),
    tokens: ledger.byStage,
    totals: totalUsage(ledger.byStage),
    tokensByModel: usage.byModel,
    ...(usage.total.costUsd !== undefined ? { costUsd: usage.total.costUsd } : {}),
    ...(priced && usage.unpricedModels.length > 0 ? { unpricedModels: usage.unpricedModels } : {}),
    ...(fatal !== undefined ? { error: fatal instanceof Error ? fatal.message : String(fatal) } : {}),
  };
  const paths = {
    scenarios: join(options.out, 'scenarios', `${env.id}.jsonl`),
    report: join(options.out, 'scenarios', `${env.id}.report.json`),
  };
  await writeFileAtomic({
    file: paths.scenarios,
    data: scenarios.map((s) => `${JSON.stringify(s)}\n`).join(''),
  });
  await writeFileAtomic({ file: paths.report, data: `${JSON.stringify(report, null, 2)}\n` });
  if (fatal !== undefined) throw fatal;
  return { scenarios, report, paths };
}
