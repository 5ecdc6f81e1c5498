import {
  InvalidArtifactError,
  compileSchema,
  parseEnvironmentPackage,
  parseScenario,
  parseTrajectory,
  type ArtifactIssue,
  type EnvironmentPackage,
  type JsonSchema,
  type Reward,
  type Scenario,
  type ToolSpec,
  type Trajectory,
} from '@envscaler/core';
import { getCheckTypeChecker, type CheckTypeChecker } from './typecheck.js';

export interface ValidationReport {
  valid: boolean;
  issues: ArtifactIssue[];
}

/** The parts of an environment the semantic checks need (an EnvironmentPackage has all of them). */
export type EnvironmentDescription = Pick<EnvironmentPackage, 'id' | 'tools' | 'stateSchema'> &
  Partial<Pick<EnvironmentPackage, 'source' | 'className' | 'initialization'>>;

const validators = new WeakMap<object, ReturnType<typeof compileSchema>>();
function validatorFor(schema: JsonSchema) {
  let validate = validators.get(schema);
  if (!validate) {
    validate = compileSchema(schema);
    validators.set(schema, validate);
  }
  return validate;
}

function schemaIssues(parse: (value: unknown) => unknown, value: unknown): ArtifactIssue[] {
  try {
    parse(value);
    return [];
  } catch (error) {
    if (error instanceof InvalidArtifactError) return error.issues;
    throw error;
  }
}

function prefixed(issues: ArtifactIssue[], prefix: string): ArtifactIssue[] {
  return issues.map((issue) => ({ path: issue.path.replace(/^\$/, prefix), message: issue.message }));
}

function report(issues: ArtifactIssue[]): ValidationReport {
  return { valid: issues.length === 0, issues };
}

/**
 * Validates an environment package: its JSON Schema, then unique tool names, tool schemas that compile,
 * a state schema that compiles, source that parses, exports `State` and declares `className` with one
 * public method per tool.
 */
export function validateEnvironmentPackage(options: {
  pkg: unknown;
  typeChecker?: CheckTypeChecker;
}): ValidationReport {
  const issues = schemaIssues(parseEnvironmentPackage, options.pkg);
  if (issues.length > 0) return report(issues);
  const pkg = options.pkg as EnvironmentPackage;
  const seen = new Set<string>();
  pkg.tools.forEach((tool, i) => {
    if (seen.has(tool.name)) issues.push({ path: `$.tools[${i}].name`, message: `duplicate tool name '${tool.name}'` });
    seen.add(tool.name);
    try {
      validatorFor(tool.parameters);
    } catch (error) {
      issues.push({ path: `$.tools[${i}].parameters`, message: `is not a usable JSON Schema: ${(error as Error).message}` });
    }
  });
  try {
    validatorFor(pkg.stateSchema);
  } catch (error) {
    issues.push({ path: '$.stateSchema', message: `is not a usable JSON Schema: ${(error as Error).message}` });
  }
  const checker = options.typeChecker ?? getCheckTypeChecker();
  checker.setEnvironment(pkg.id, pkg.source);
  for (const message of checker.environmentSyntaxErrors(pkg.id)) issues.push({ path: '$.source', message: `syntax error: ${message}` });
  if (!checker.hasStateType(pkg.id)) issues.push({ path: '$.source', message: 'does not export a `State` type' });
  const methods = checker.methodNames(pkg.id, pkg.className);
  if (!methods) {
    issues.push({ path: '$.className', message: `class '${pkg.className}' is not declared in the source` });
  } else {
    pkg.tools.forEach((tool, i) => {
      if (!methods.includes(tool.name)) {
        issues.push({ path: `$.tools[${i}].name`, message: `'${tool.name}' is not a public method of ${pkg.className}` });
      }
    });
  }
  return report(issues);
}

function toolArgumentIssues(tools: readonly ToolSpec[], name: string, args: unknown, path: string): ArtifactIssue[] {
  const tool = tools.find((t) => t.name === name);
  if (!tool) {
    return [{ path: `${path}.name`, message: `unknown tool '${name}' (the environment has ${tools.map((t) => t.name).join(', ')})` }];
  }
  return prefixed(validatorFor(tool.parameters)(args), `${path}.arguments`);
}

/**
 * Validates a scenario against its schema and, given its environment: envId matches, the initial state
 * (or config) fits how the environment is initialised and matches the State schema, check ids are unique,
 * every check is an accepted function form and type-checks against the environment's `State` (when the
 * env's source is known), and the reference solution only calls existing tools with valid arguments.
 */
export function validateScenario(options: {
  scenario: unknown;
  env?: EnvironmentDescription;
  typeChecker?: CheckTypeChecker;
}): ValidationReport {
  const issues = schemaIssues(parseScenario, options.scenario);
  if (issues.length > 0) return report(issues);
  const scenario = options.scenario as Scenario;
  const ids = new Set<string>();
  scenario.checklist.forEach((check, i) => {
    if (ids.has(check.id)) issues.push({ path: `$.checklist[${i}].id`, message: `duplicate check id '${check.id}'` });
    ids.add(check.id);
  });
  const env = options.env;
  if (!env) return report(issues);

  if (scenario.envId !== env.id) {
    issues.push({ path: '$.envId', message: `is '${scenario.envId}' but the environment is '${env.id}'` });
  }
  const initialization = env.initialization ?? 'state';
  if (initialization === 'state') {
    if (scenario.initialState === undefined) {
      issues.push({ path: '$.initialState', message: 'is required: the environment is initialised from a state' });
    } else {
      issues.push(...prefixed(validatorFor(env.stateSchema)(scenario.initialState), '$.initialState'));
    }
  } else if (scenario.initialConfig === undefined && scenario.initialState === undefined) {
    issues.push({ path: '$.initialConfig', message: 'is required: the environment is initialised from a config' });
  } else if (scenario.initialState !== undefined) {
    issues.push(...prefixed(validatorFor(env.stateSchema)(scenario.initialState), '$.initialState'));
  }

  (scenario.referenceSolution ?? []).forEach((call, i) => {
    issues.push(...toolArgumentIssues(env.tools, call.name, call.arguments, `$.referenceSolution[${i}]`));
  });

  if (env.source) {
    const checker = options.typeChecker ?? getCheckTypeChecker();
    checker.setEnvironment(env.id, env.source);
    for (const issue of checker.checkSources(env.id, scenario.checklist.map((c) => c.source))) {
      const path = issue.index >= 0 ? `$.checklist[${issue.index}].source` : '$.checklist';
      issues.push({ path, message: issue.message });
    }
  }
  return report(issues);
}

/**
 * Validates a trajectory: schema, then (with its scenario / environment) ids match, every tool call
 * names an existing tool and is answered by exactly one later tool message, tool messages answer a
 * known call, the final state matches the State schema and a stored reward is consistent
 * (score = passed / total, success = all passed). Malformed calls the agent made are not errors —
 * they are answered with error observations — but unanswered calls are.
 */
export function validateTrajectory(options: {
  trajectory: unknown;
  scenario?: Pick<Scenario, 'id' | 'envId' | 'checklist'>;
  env?: Pick<EnvironmentDescription, 'id' | 'tools' | 'stateSchema'>;
}): ValidationReport {
  const issues = schemaIssues(parseTrajectory, options.trajectory);
  if (issues.length > 0) return report(issues);
  const trajectory = options.trajectory as Trajectory;
  const { scenario, env } = options;
  if (scenario && trajectory.scenarioId !== scenario.id) {
    issues.push({ path: '$.scenarioId', message: `is '${trajectory.scenarioId}' but the scenario is '${scenario.id}'` });
  }
  if (env && trajectory.envId !== env.id) {
    issues.push({ path: '$.envId', message: `is '${trajectory.envId}' but the environment is '${env.id}'` });
  }
  const pending = new Map<string, number>();
  const answered = new Set<string>();
  trajectory.messages.forEach((message, i) => {
    if (message.role === 'assistant') {
      (message.tool_calls ?? []).forEach((call, j) => {
        const path = `$.messages[${i}].tool_calls[${j}]`;
        if (pending.has(call.id) || answered.has(call.id)) issues.push({ path: `${path}.id`, message: `duplicate tool call id '${call.id}'` });
        pending.set(call.id, i);
        if (env && !env.tools.some((t) => t.name === call.function.name)) {
          const answer = trajectory.messages.find((m) => m.role === 'tool' && m.tool_call_id === call.id);
          // An unknown tool is legitimate agent behaviour only if the episode answered it with an error.
          if (!answer || !(answer.content ?? '').includes('UNKNOWN_TOOL')) {
            issues.push({ path: `${path}.function.name`, message: `unknown tool '${call.function.name}'` });
          }
        }
      });
    } else if (message.role === 'tool') {
      if (!pending.has(message.tool_call_id)) {
        issues.push({ path: `$.messages[${i}].tool_call_id`, message: `answers no earlier unanswered tool call ('${message.tool_call_id}')` });
      } else {
        pending.delete(message.tool_call_id);
        answered.add(message.tool_call_id);
      }
    }
  });
  for (const [id, i] of pending) issues.push({ path: `$.messages[${i}]`, message: `tool call '${id}' has no tool message answering it` });
  if (env?.stateSchema) issues.push(...prefixed(validatorFor(env.stateSchema)(trajectory.finalState), '$.finalState'));
  if (trajectory.reward) issues.push(...rewardIssues(trajectory.reward, scenario));
  return report(issues);
}

function rewardIssues(reward: Reward, scenario?: Pick<Scenario, 'checklist'>): ArtifactIssue[] {
  const issues: ArtifactIssue[] = [];
  const passed = reward.checks.filter((c) => c.passed).length;
  const expected = reward.checks.length === 0 ? 0 : passed / reward.checks.length;
  if (Math.abs(reward.score - expected) > 1e-9) {
    issues.push({ path: '$.reward.score', message: `is ${reward.score} but ${passed} of ${reward.checks.length} checks passed` });
  }
  if (reward.success !== (reward.checks.length > 0 && passed === reward.checks.length)) {
    issues.push({ path: '$.reward.success', message: 'disagrees with the per-check results' });
  }
  if (scenario) {
    const want = scenario.checklist.map((c) => c.id).join(',');
    const got = reward.checks.map((c) => c.id).join(',');
    if (want !== got) issues.push({ path: '$.reward.checks', message: `check ids [${got}] do not match the scenario's [${want}]` });
  }
  return issues;
}
