import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv, EnvscalerError, jsonSyntaxError, type JsonSchema, type PriceTable } from '@envscaler/core';

/**
 * `envscaler.config.json`: endpoints, per-stage models, concurrency and thresholds.
 * Precedence: command-line flags > environment variables > config file > defaults, so a CI secret or a
 * one-off `OPENAI_BASE_URL=... envscaler ...` always wins over a checked-in file.
 *
 * The file is checked against `schema/envscaler.config.schema.json` (shipped in this package) before a
 * command does any work; keep this type and that schema in step (config.test.ts fails when they drift).
 */
export interface EnvscalerConfig {
  endpoint?: { baseURL?: string; apiKeyEnv?: string };
  embeddings?: { model?: string; baseURL?: string };
  models?: { default?: string; stages?: Record<string, string> };
  /** In the file also a bare number, shorthand for `{ llm: n }`; `loadConfig` returns the object form. */
  concurrency?: { llm?: number; environments?: number; scenarios?: number; rollouts?: number };
  thresholds?: { topicScore?: number; quality?: number };
  /** USD per million tokens by model name: the one price input every stage's cost report uses. */
  prices?: PriceTable;
}

export const configFileName = 'envscaler.config.json';

const schemaFile = join('schema', 'envscaler.config.schema.json');

/**
 * Where the JSON Schema (draft-07) of `envscaler.config.json` lives: `schema/` at the root of this
 * package, found by walking up from this module (it sits at a different depth in src/ and in dist/).
 * It is read at run time, not bundled, so editors, `"$schema"` and the CLI all use the one shipped file.
 */
export function configSchemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, schemaFile))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`the bundled ${schemaFile} of @envscaler/cli is missing`);
    dir = parent;
  }
  return join(dir, schemaFile);
}

let schemaCache: JsonSchema | undefined;

/** The parsed JSON Schema of `envscaler.config.json`. */
export function configSchema(): JsonSchema {
  schemaCache ??= JSON.parse(readFileSync(configSchemaPath(), 'utf8')) as JsonSchema;
  return schemaCache;
}

/**
 * What `envscaler init` puts in `"$schema"`: the schema inside the installed package, relative to a
 * config file at the project root, so editors complete and check keys after `npm install @envscaler/cli`.
 */
export const configSchemaReference = './node_modules/@envscaler/cli/schema/envscaler.config.schema.json';

/** The commented template `envscaler init` writes (JSON allows no comments, so `//` keys carry them). */
export function configTemplate(): Record<string, unknown> {
  return {
    $schema: configSchemaReference,
    '//': 'envscaler configuration. Command-line flags override these values; environment variables (OPENAI_BASE_URL, OPENAI_API_KEY, ENVSCALER_MODEL, ENVSCALER_MODEL_<STAGE>) override the models and endpoint.',
    endpoint: {
      '//': 'Any OpenAI-compatible server: OpenAI, vLLM, Ollama, LiteLLM... The API key is read from the environment variable named here.',
      baseURL: 'https://api.openai.com/v1',
      apiKeyEnv: 'OPENAI_API_KEY',
    },
    embeddings: { '//': 'Optional; without it topic deduplication falls back to TF-IDF.', model: '' },
    models: {
      '//': 'A default model and optional per-stage overrides, e.g. a strong model for code, a cheap one for judging.',
      default: 'gpt-4.1-mini',
      stages: { 'logic-method': 'gpt-4.1', 'logic-repair': 'gpt-4.1', 'quality-checker': 'gpt-4.1-mini' },
    },
    concurrency: {
      '//': 'Parallel model calls across all stages, and parallel units of work.',
      llm: 8,
      environments: 4,
      scenarios: 4,
      rollouts: 16,
    },
    thresholds: {
      '//': 'Topic score to keep (0-10) and quality score to keep an environment (0-1).',
      topicScore: 7,
      quality: 0.85,
    },
    prices: {
      '//': 'USD per million tokens, for the cost report.',
      'gpt-4.1-mini': { promptPerMillion: 0.4, completionPerMillion: 1.6 },
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Validation

/** One schema violation: where (a JSON pointer such as `/thresholds/quality`) and what is wrong. */
export interface ConfigIssue {
  pointer: string;
  message: string;
}

type ConfigValidator = ReturnType<ReturnType<typeof createAjv>['compile']>;
type AjvError = NonNullable<ConfigValidator['errors']>[number];

let validateConfig: ConfigValidator | undefined;

/**
 * Checks a parsed config file (comments and `$schema` included) against the schema with the same ajv
 * settings as every envscaler validator (`createAjv`: draft-07, all errors); [] when valid.
 */
export function checkConfig(value: unknown): ConfigIssue[] {
  validateConfig ??= createAjv().compile(configSchema());
  if (validateConfig(value)) return [];
  return describeIssues(validateConfig.errors ?? [], value);
}

function unescapePointer(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

function escapePointer(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The schema object an ajv `schemaPath` (`#/properties/x/type`) points into, without its last keyword. */
function schemaNodeAt(schemaPath: string): JsonSchema {
  const parts = schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapePointer);
  parts.pop();
  let node: unknown = configSchema();
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node ?? {}) as JsonSchema;
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1).map(unescapePointer)) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

const envNamePattern = '^[A-Za-z_][A-Za-z0-9_]*$';

function range(node: JsonSchema): string {
  const { minimum, maximum } = node as { minimum?: number; maximum?: number };
  if (minimum !== undefined && maximum !== undefined) return ` from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return ` >= ${minimum}`;
  if (maximum !== undefined) return ` <= ${maximum}`;
  return '';
}

/** "a number from 0 to 1", "an integer >= 1 or an object", `one of "a", "b"`: what the schema wants. */
export function describeExpected(node: JsonSchema): string {
  if (Array.isArray(node.enum)) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const types = Array.isArray(node.type) ? (node.type as string[]) : node.type ? [String(node.type)] : [];
  const described = types.map((type) => {
    switch (type) {
      case 'integer':
        return `an integer${range(node)}`;
      case 'number':
        return `a number${range(node)}`;
      case 'string': {
        if (node.format === 'uri')
          return node.pattern === '^https?://' ? 'an http:// or https:// URL' : 'a URL';
        const pattern = typeof node.pattern === 'string' ? node.pattern : undefined;
        if (pattern === envNamePattern) return 'an environment variable name such as OPENAI_API_KEY';
        return pattern ? `a string matching /${pattern}/` : 'a string';
      }
      case 'array':
        return 'a list';
      case 'object': {
        const keys = Object.keys((node.properties as object | undefined) ?? {}).filter((k) => k !== '//');
        return node.additionalProperties === false && keys.length > 0
          ? `an object with keys ${keys.join(', ')}`
          : 'an object';
      }
      default:
        return `a ${type}`;
    }
  });
  return described.join(' or ') || 'a valid value';
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Edit distance with adjacent transpositions counted as one edit (`modles` → `models` is 1). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The allowed key closest to `key`, if it is close enough to be a likely typo. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  if (!best) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(key.length, best.key.length) / 3));
  return best.distance <= limit ? best.key : undefined;
}

function describeIssues(errors: readonly AjvError[], root: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  const add = (pointer: string, message: string) => {
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ pointer: pointer || '/', message });
  };
  // One line per value and schema node: a string where a bounded number belongs reports only the type.
  const valueProblems = new Set<string>();
  for (const error of errors) {
    const node = schemaNodeAt(error.schemaPath);
    if (error.keyword === 'additionalProperties') {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((node.properties as object | undefined) ?? {});
      const suggestion = closestKey(
        key,
        allowed.filter((k) => k !== '//' && k !== '$schema'),
      );
      add(
        `${error.instancePath}/${escapePointer(key)}`,
        `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; allowed keys: ${allowed.map((k) => `"${k}"`).join(', ')}`,
      );
    } else if (error.keyword === 'required') {
      const key = String(error.params.missingProperty);
      const property = (node.properties as Record<string, JsonSchema> | undefined)?.[key] ?? {};
      add(`${error.instancePath}/${escapePointer(key)}`, `is missing; must be ${describeExpected(property)}`);
    } else if (error.schemaPath.includes('/propertyNames')) {
      // the inner error (minLength) is summed up by the propertyNames error that follows it
      if (error.keyword === 'propertyNames')
        add(
          error.instancePath,
          `key ${JSON.stringify(error.params.propertyName)} is not allowed: keys must not be empty`,
        );
    } else {
      const problem = `${error.instancePath}\u0000${error.schemaPath.replace(/\/[^/]*$/, '')}`;
      if (valueProblems.has(problem)) continue;
      valueProblems.add(problem);
      // A wrong apiKeyEnv is often the key itself: never echo it into a terminal or CI log.
      const got =
        node.pattern === envNamePattern
          ? 'not the key itself (the value is not shown)'
          : `got ${shown(valueAt(root, error.instancePath))}`;
      add(error.instancePath, `must be ${describeExpected(node)}, ${got}`);
    }
  }
  return issues;
}

/** The error for a config file that does not match the schema: every violation, one per line. */
export class ConfigValidationError extends EnvscalerError {
  readonly path: string;
  readonly issues: ConfigIssue[];

  constructor(options: { path: string; issues: ConfigIssue[] }) {
    const count = options.issues.length;
    const list = options.issues.map((issue) => `  ${issue.pointer}: ${issue.message}`).join('\n');
    super(
      'CONFIG_ERROR',
      `config file ${options.path} is invalid (${count} ${count === 1 ? 'problem' : 'problems'}; schema: @envscaler/cli/schema/envscaler.config.schema.json):\n${list}`,
      { details: { path: options.path, issues: options.issues } },
    );
    this.path = options.path;
    this.issues = options.issues;
  }
}

// ---------------------------------------------------------------------------------------------------
// Loading

function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== '//')
        .map(([key, v]) => [key, stripComments(v)]),
    );
  }
  return value;
}

/** JSON.parse with an error that names the file, the line and the column, and shows the line. */
export function parseConfigText(text: string, path: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch (error) {
    const problem = jsonSyntaxError(source);
    if (problem === undefined) {
      throw new EnvscalerError(
        'CONFIG_ERROR',
        `config file ${path} is not valid JSON: ${(error as Error).message}`,
      );
    }
    const { line, column, reason } = problem;
    const lineText = source.split('\n')[line - 1] ?? '';
    const excerpt =
      lineText.length <= 120
        ? `\n  ${lineText}\n  ${lineText.slice(0, column - 1).replace(/[^\t]/g, ' ')}^`
        : '';
    throw new EnvscalerError(
      'CONFIG_ERROR',
      `config file ${path} is not valid JSON at line ${line}, column ${column}: ${reason}${excerpt}`,
      { details: { path, line, column } },
    );
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Reads the config file if present (an explicit path must exist) and checks it against the schema; a
 * broken file is a user error (`CONFIG_ERROR`, exit code 2) that lists every violation.
 */
export async function loadConfig(options: { path?: string; cwd?: string }): Promise<EnvscalerConfig> {
  const path = options.path ?? `${options.cwd ?? process.cwd()}/${configFileName}`;
  if (!(await exists(path))) {
    if (options.path) throw new EnvscalerError('NOT_FOUND', `config file not found: ${path}`);
    return {};
  }
  const parsed = parseConfigText(await readFile(path, 'utf8'), path);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new EnvscalerError(
      'CONFIG_ERROR',
      `config file ${path} must hold a JSON object, got ${shown(parsed)}`,
    );
  }
  const issues = checkConfig(parsed);
  if (issues.length > 0) throw new ConfigValidationError({ path, issues });
  const { $schema: _schema, ...config } = stripComments(parsed) as Record<string, unknown>;
  if (typeof config.concurrency === 'number') config.concurrency = { llm: config.concurrency };
  return config as EnvscalerConfig;
}

export async function writeConfigTemplate(options: { path: string; force?: boolean }): Promise<void> {
  if (!options.force && (await exists(options.path))) {
    throw new EnvscalerError('INVALID_INPUT', `${options.path} already exists (use --force to overwrite)`);
  }
  await writeFile(options.path, `${JSON.stringify(configTemplate(), null, 2)}\n`);
}
