import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { InvalidArtifactError, type ArtifactIssue } from './errors.js';
import type { JsonSchema } from './types/json.js';
import {
  chatMessageSchema,
  environmentPackageSchema,
  qualityReportSchema,
  rewardSchema,
  runSummarySchema,
  scenarioSchema,
  toolResultSchema,
  toolSpecSchema,
  trajectorySchema,
} from './schemas/artifacts.js';
import type {
  EnvironmentPackage,
  QualityReport,
  Reward,
  RunSummary,
  Scenario,
  Trajectory,
} from './types/artifacts.js';
import type { ToolResult, ToolSpec } from './types/tool.js';
import { buildReportSchema, scenarioReportSchema, stageUsageSchema } from './schemas/reports.js';
import type { BuildReport, ScenarioReport } from './types/reports.js';

// ajv-formats ships CommonJS typings whose default export NodeNext sees as a namespace.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

/** A fresh ajv instance with the settings every envscaler validator uses. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

const artifactAjv = createAjv();
for (const schema of [
  toolSpecSchema,
  toolResultSchema,
  qualityReportSchema,
  chatMessageSchema,
  rewardSchema,
  stageUsageSchema,
]) {
  artifactAjv.addSchema(schema);
}

/** Converts a JSON pointer (`/checklist/2/source`) to a JSON path (`$.checklist[2].source`). */
export function jsonPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let path = '$';
  for (const part of parts) {
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) path += `.${part}`;
    else path += `[${JSON.stringify(part)}]`;
  }
  return path;
}

/** Turns ajv errors into located, readable issues, one per distinct problem. */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined): ArtifactIssue[] {
  const seen = new Set<string>();
  const issues: ArtifactIssue[] = [];
  for (const error of collapseAlternatives(errors ?? [])) {
    if (error.keyword === 'if') continue; // the failing `then` branch already says what is wrong
    let path = jsonPath(error.instancePath);
    let message = error.message ?? 'is invalid';
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') {
      path = jsonPath(error.instancePath, String(params.missingProperty));
      message = 'is required but missing';
    } else if (error.keyword === 'additionalProperties') {
      path = jsonPath(error.instancePath, String(params.additionalProperty));
      message = 'is not an allowed property';
    } else if (error.keyword === 'enum') {
      message = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (error.keyword === 'oneOf' && Array.isArray(params.required)) {
      message = `must have exactly one of ${(params.required as string[]).join(', ')}`;
    } else if (error.keyword === 'const') {
      message = `must be ${JSON.stringify(params.allowedValue)}`;
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, message });
  }
  return issues;
}

/**
 * ajv reports every failing branch of a `oneOf`, which buries the real problem. Keep only the branch
 * closest to matching (fewest errors); when every branch only asks for a missing property, replace them
 * all with one "exactly one of" issue.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  if (oneOfs.length === 0) return [...errors];
  const drop = new Set<ErrorObject>();
  const replace = new Map<ErrorObject, ErrorObject>();
  for (const oneOf of oneOfs) {
    const prefix = `${oneOf.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const all = [...branches.values()].flat();
    if (
      all.length > 0 &&
      all.every((e) => e.keyword === 'required' && e.instancePath === oneOf.instancePath)
    ) {
      all.forEach((e) => drop.add(e));
      const required = all.map((e) => String((e.params as Record<string, unknown>).missingProperty));
      replace.set(oneOf, { ...oneOf, params: { ...oneOf.params, required } });
      continue;
    }
    const closest = [...branches.values()].sort((a, b) => a.length - b.length)[0] ?? [];
    all.filter((e) => !closest.includes(e)).forEach((e) => drop.add(e));
    if (closest.length > 0) drop.add(oneOf);
  }
  return errors.filter((e) => !drop.has(e)).map((e) => replace.get(e) ?? e);
}

/** A compiled validator for any JSON Schema: returns the list of issues (empty when valid). */
export type SchemaValidator = (value: unknown) => ArtifactIssue[];

let scratchAjv: Ajv | undefined;
const compiledByText = new Map<string, SchemaValidator>();
const COMPILED_KEPT = 512;

/**
 * Compiles `schema` with `ajv`, or, without one, with a long-lived instance whose validators are kept by
 * the schema's JSON text (the most recent 512). Callers often build the same schema object afresh per
 * request, and a fresh ajv instance compiles its meta-schema first, which at scale cost more than the
 * validation itself. The schema is removed from the shared instance after compiling, so two schemas
 * with the same `$id` never collide and its registry does not grow.
 */
export function compileSchema(schema: JsonSchema, ajv?: Ajv): SchemaValidator {
  if (ajv) return validatorOf(ajv.compile(schema));
  const key = JSON.stringify(schema);
  const kept = compiledByText.get(key);
  if (kept) {
    compiledByText.delete(key);
    compiledByText.set(key, kept);
    return kept;
  }
  const shared = (scratchAjv ??= createAjv());
  let compiled: SchemaValidator;
  try {
    compiled = validatorOf(shared.compile(schema));
  } finally {
    shared.removeSchema(schema);
  }
  compiledByText.set(key, compiled);
  if (compiledByText.size > COMPILED_KEPT) compiledByText.delete(compiledByText.keys().next().value!);
  return compiled;
}

function validatorOf(validate: ValidateFunction): SchemaValidator {
  return (value) => (validate(value) ? [] : formatAjvErrors(validate.errors));
}

function artifactParser<T>(artifact: string, schema: JsonSchema) {
  let validate: ValidateFunction | undefined;
  return (value: unknown, source?: string): T => {
    validate ??= artifactAjv.getSchema(String(schema.$id)) ?? artifactAjv.compile(schema);
    if (!validate(value)) {
      throw new InvalidArtifactError({ artifact, issues: formatAjvErrors(validate.errors), source });
    }
    return value as T;
  };
}

// parseX(value, source?) returns the typed value or throws InvalidArtifactError listing every violation.
export const parseToolSpec = artifactParser<ToolSpec>('ToolSpec', toolSpecSchema);
export const parseToolResult = artifactParser<ToolResult>('ToolResult', toolResultSchema);
export const parseQualityReport = artifactParser<QualityReport>('QualityReport', qualityReportSchema);
export const parseEnvironmentPackage = artifactParser<EnvironmentPackage>(
  'EnvironmentPackage',
  environmentPackageSchema,
);
export const parseScenario = artifactParser<Scenario>('Scenario', scenarioSchema);
export const parseReward = artifactParser<Reward>('Reward', rewardSchema);
export const parseTrajectory = artifactParser<Trajectory>('Trajectory', trajectorySchema);
export const parseRunSummary = artifactParser<RunSummary>('RunSummary', runSummarySchema);
export const parseBuildReport = artifactParser<BuildReport>('BuildReport', buildReportSchema);
export const parseScenarioReport = artifactParser<ScenarioReport>('ScenarioReport', scenarioReportSchema);
