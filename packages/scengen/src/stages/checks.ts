import { completeJson, GenerationFailedError, type ChatModel, type CheckItem } from '@envscaler/core';
import { checkRepairMessages, checksMessages } from '../prompts/checks.js';
import { unwrapCheckSource, sharedChecklistTypeChecker, type ChecklistTypeChecker } from '../typecheck.js';
import type { ChecklistEntry, ScenarioEnvironment } from '../types.js';

export interface GenerateCheckFunctionsOptions {
  env: ScenarioEnvironment;
  model: ChatModel;
  initialState: unknown;
  task: string;
  checklist: readonly ChecklistEntry[];
  /** Defaults to the process-wide long-lived checker. */
  typeChecker?: ChecklistTypeChecker;
  /** Repair requests per failing check (stage 'scenario-checks-repair', default 2); then the check is dropped. */
  maxRepairs?: number;
  maxAttempts?: number;
  temperature?: number;
  signal?: AbortSignal;
}

export interface DroppedCheck {
  id: string;
  description: string;
  reason: string;
}

export interface CheckFunctionsResult {
  /** Checks that type-check, in checklist order. */
  checks: CheckItem[];
  /** Ids of checks that needed a repair and got one that compiles. */
  repaired: string[];
  /** Checks whose type errors survived every repair. */
  dropped: DroppedCheck[];
}

const checksSchema = {
  type: 'object',
  required: ['checks'],
  properties: {
    checks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'source'],
        properties: { id: { type: 'string' }, source: { type: 'string', minLength: 1 } },
      },
    },
  },
};

const sourceSchema = {
  type: 'object',
  required: ['source'],
  properties: { source: { type: 'string', minLength: 1 }, description: { type: 'string' } },
};

/**
 * Stage 'scenario-checks': one check function per checklist item, each type-checked against the env's
 * State; a check with compiler errors is sent back with the diagnostics (stage 'scenario-checks-repair')
 * at most `maxRepairs` times, then dropped.
 */
export async function generateCheckFunctions(
  options: GenerateCheckFunctionsOptions,
): Promise<CheckFunctionsResult> {
  const checker = options.typeChecker ?? sharedChecklistTypeChecker();
  const stateType = checker.stateType(options.env);
  const ids = options.checklist.map((c) => c.id);
  const reply = await completeJson<{ checks: { id: string; source: string }[] }>({
    model: options.model,
    request: {
      stage: 'scenario-checks',
      messages: checksMessages({ ...options, stateType }),
      responseFormat: { type: 'json_object' },
      temperature: options.temperature,
      signal: options.signal,
    },
    schema: checksSchema,
    maxAttempts: options.maxAttempts ?? 3,
    check: (value) => {
      const got = new Set((value as { checks: { id: string }[] }).checks.map((c) => c.id));
      const missing = ids.filter((id) => !got.has(id));
      return missing.length > 0
        ? [`checks is missing ids ${missing.join(', ')}; write one per checklist item`]
        : [];
    },
  });
  const byId = new Map(reply.checks.map((c) => [c.id, unwrapCheckSource(c.source)]));
  const result: CheckFunctionsResult = { checks: [], repaired: [], dropped: [] };
  const sources = options.checklist.map((item) => byId.get(item.id)!);
  const judged = checker.checkAll({ env: options.env, sources });
  for (const [i, item] of options.checklist.entries()) {
    const source = sources[i]!;
    const diagnostics = judged[i]!;
    if (diagnostics.ok) {
      result.checks.push({ id: item.id, description: item.description, source });
      continue;
    }
    const repaired = await repairCheck({
      ...options,
      checker,
      stateType,
      item,
      source,
      errors: diagnostics.errors,
    });
    if (repaired.ok) {
      result.checks.push({ id: item.id, description: item.description, source: repaired.source });
      result.repaired.push(item.id);
    } else {
      result.dropped.push({ id: item.id, description: item.description, reason: repaired.reason });
    }
  }
  return result;
}

/** Stage 'scenario-checks-repair' for one check; the compiler re-judges every reply. */
export async function repairCheck(options: {
  env: ScenarioEnvironment;
  model: ChatModel;
  checker: ChecklistTypeChecker;
  stateType: string;
  item: ChecklistEntry;
  source: string;
  errors: readonly string[];
  maxRepairs?: number;
  temperature?: number;
  signal?: AbortSignal;
}): Promise<{ ok: true; source: string } | { ok: false; reason: string }> {
  const maxRepairs = options.maxRepairs ?? 2;
  if (maxRepairs < 1) return { ok: false, reason: `type errors: ${options.errors.join('; ')}` };
  try {
    const reply = await completeJson<{ source: string }>({
      model: options.model,
      request: {
        stage: 'scenario-checks-repair',
        messages: checkRepairMessages(options),
        responseFormat: { type: 'json_object' },
        temperature: options.temperature,
        signal: options.signal,
      },
      schema: sourceSchema,
      maxAttempts: maxRepairs,
      check: (value) =>
        options.checker.check({
          env: options.env,
          source: unwrapCheckSource((value as { source: string }).source),
        }).errors,
    });
    return { ok: true, source: unwrapCheckSource(reply.source) };
  } catch (error) {
    if (error instanceof GenerationFailedError)
      return {
        ok: false,
        reason: `still failed to type-check after ${maxRepairs} repair(s): ${error.message}`,
      };
    throw error;
  }
}
