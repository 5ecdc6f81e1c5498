import { GenerationFailedError } from '@envscaler/core';
import { ask, type ModelStageOptions } from '../ask.js';
import {
  logicEntitiesPrompt,
  logicMethodPrompt,
  logicOperationsPrompt,
  logicRepairPrompt,
  type BodyReply,
} from '../prompts/logic.js';
import { throwIfAborted } from '../util.js';
import { assembleEnvironment, normalizeBody, renderSignature, renderStateTypes } from './codegen.js';
import { checkEntityModel, checkOperations, type EntityModel, type OperationSpec } from './spec.js';
import { checkBodySyntax, type EnvTypeChecker, type TypeDiagnostic } from './typecheck.js';

/** A topic as logic modelling needs it. */
export interface LogicTopic {
  topic: string;
  description: string;
  /** Example tasks (texts) the environment must support. */
  tasks: string[];
}

/** One repair round's record: which methods failed and with what. */
export interface RepairRound {
  round: number;
  failing: { method: string; diagnostics: string[] }[];
  /** The compiler diagnostics that triggered the round, as reported (for the build report). */
  diagnostics: TypeDiagnostic[];
}

export interface LogicModel {
  model: EntityModel;
  operations: OperationSpec[];
  /** Entity and State interfaces as generated from `model`. */
  stateTypes: string;
  /** The assembled, type-checked module. */
  source: string;
  bodies: Record<string, string>;
  repairs: RepairRound[];
}

export type ModelLogicResult =
  | { ok: true; logic: LogicModel }
  | { ok: false; stage: string; reason: string; repairs: RepairRound[]; source?: string };

export type BuildEnvironmentCodeOptions = ModelStageOptions & {
  topic: LogicTopic;
  /** The long-lived type checker (one per builder). */
  checker: EnvTypeChecker;
  /** Repair rounds after the first type-check (default 3). */
  repairRounds?: number;
  /** Path of the module in the checker's in-memory project (default `/envs/<className>/env.ts`). */
  fileName?: string;
};

/** Stage 2a: entities, fields and rules as JSON (checked for the closed type vocabulary and ids). */
export async function modelEntities(
  options: ModelStageOptions & { topic: LogicTopic },
): Promise<EntityModel> {
  return ask<EntityModel>({
    ...options,
    prompt: logicEntitiesPrompt(options.topic),
    check: checkEntityModel,
  });
}

/** Stage 2c: the operation list, checked against the entity model. */
export async function modelOperations(
  options: ModelStageOptions & { entities: EntityModel; tasks: string[] },
): Promise<OperationSpec[]> {
  const stateTypes = renderStateTypes(options.entities);
  const reply = await ask<{ operations: OperationSpec[] }>({
    ...options,
    prompt: logicOperationsPrompt({ model: options.entities, stateTypes, tasks: options.tasks }),
    check: (value) => checkOperations(value.operations, options.entities),
  });
  return reply.operations;
}

/** Stage 2d: one method body. */
export async function writeMethod(
  options: ModelStageOptions & { entities: EntityModel; operation: OperationSpec },
): Promise<string> {
  const reply = await ask<BodyReply>({
    ...options,
    prompt: logicMethodPrompt({
      className: options.entities.className,
      stateTypes: renderStateTypes(options.entities),
      rules: options.entities.rules,
      operation: options.operation,
      signature: renderSignature(options.operation, options.entities),
    }),
  });
  return normalizeBody(reply.body, options.operation.name);
}

function promptDiagnostics(diagnostics: readonly TypeDiagnostic[]): string {
  return diagnostics
    .map((d) => `- TS${d.code}: ${d.message}${d.lineText ? `\n  at: ${d.lineText}` : ''}`)
    .join('\n');
}

/**
 * Stages 2a–2f for one topic: entities → State types → operations → one body per operation → assembled
 * class → type-check, repairing failing methods with the compiler's messages for up to `repairRounds`
 * rounds. Returns the checked module, or why the environment was dropped.
 */
export async function buildEnvironmentCode(options: BuildEnvironmentCodeOptions): Promise<ModelLogicResult> {
  const repairs: RepairRound[] = [];
  let model: EntityModel;
  let operations: OperationSpec[];
  try {
    model = await modelEntities(options);
  } catch (error) {
    if (error instanceof GenerationFailedError)
      return { ok: false, stage: 'logic-entities', reason: error.message, repairs };
    throw error;
  }
  try {
    operations = await modelOperations({ ...options, entities: model, tasks: options.topic.tasks });
  } catch (error) {
    if (error instanceof GenerationFailedError)
      return { ok: false, stage: 'logic-operations', reason: error.message, repairs };
    throw error;
  }
  const stateTypes = renderStateTypes(model);
  const bodies: Record<string, string> = {};
  for (const operation of operations) {
    try {
      bodies[operation.name] = await writeMethod({ ...options, entities: model, operation });
    } catch (error) {
      if (error instanceof GenerationFailedError) {
        return {
          ok: false,
          stage: 'logic-method',
          reason: `method ${operation.name}: ${error.message}`,
          repairs,
        };
      }
      throw error;
    }
  }

  const fileName = options.fileName ?? `/envs/${model.className}/env.ts`;
  const maxRounds = options.repairRounds ?? 3;
  let source = '';
  for (let round = 0; ; round++) {
    throwIfAborted(options.signal);
    // Syntax first, per body: a broken body is left out of the assembly so it cannot garble the rest.
    const failing = new Map<string, TypeDiagnostic[]>();
    const assembled: Record<string, string> = {};
    for (const operation of operations) {
      const body = bodies[operation.name]!;
      const syntax = checkBodySyntax(body);
      if (syntax.length > 0) {
        failing.set(
          operation.name,
          syntax.map((message) => ({
            code: 1005,
            message: `syntax error in the body, ${message}`,
            line: 0,
            column: 0,
            method: operation.name,
          })),
        );
      } else {
        assembled[operation.name] = body;
      }
    }
    source = assembleEnvironment({ model, operations, bodies: assembled });
    const moduleLevel: TypeDiagnostic[] = [];
    for (const diagnostic of await options.checker.checkAsync({ source, fileName })) {
      if (diagnostic.method && bodies[diagnostic.method] !== undefined) {
        failing.set(diagnostic.method, [...(failing.get(diagnostic.method) ?? []), diagnostic]);
      } else {
        moduleLevel.push(diagnostic);
      }
    }
    if (moduleLevel.length > 0) {
      return {
        ok: false,
        stage: 'logic-typecheck',
        reason: `generated module does not compile outside any method:\n${promptDiagnostics(moduleLevel)}`,
        repairs,
        source,
      };
    }
    if (failing.size === 0) break;
    const record: RepairRound = {
      round,
      failing: [...failing].map(([method, ds]) => ({
        method,
        diagnostics: ds.map((d) => `TS${d.code}: ${d.message}`),
      })),
      diagnostics: [...failing.values()].flat(),
    };
    repairs.push(record);
    if (round >= maxRounds) {
      const detail = record.failing
        .map((f) => `${f.method}: ${f.diagnostics.slice(0, 3).join('; ')}`)
        .join(' | ');
      return {
        ok: false,
        stage: 'logic-repair',
        reason: `type-check still failing after ${maxRounds} repair round(s): ${detail}`,
        repairs,
        source,
      };
    }
    for (const [method, diagnostics] of failing) {
      const operation = operations.find((o) => o.name === method)!;
      const methodText = `${renderSignature(operation, model)} {\n${bodies[method]}\n}`;
      try {
        const reply = await ask<BodyReply>({
          ...options,
          prompt: logicRepairPrompt({
            className: model.className,
            stateTypes,
            method: methodText,
            diagnostics: promptDiagnostics(diagnostics),
          }),
          cacheKey: { round },
        });
        bodies[method] = normalizeBody(reply.body, method);
      } catch (error) {
        if (!(error instanceof GenerationFailedError)) throw error;
        // keep the old body; the next round reports it again (and the budget runs out)
      }
    }
  }
  return { ok: true, logic: { model, operations, stateTypes, source, bodies, repairs } };
}
