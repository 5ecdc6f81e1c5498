import { createHash } from 'node:crypto';
import {
  canonicalJson,
  EnvscalerError,
  type EnvironmentPackage,
  type JsonSchema,
  type ToolSpec,
} from '@envscaler/core';
import { deriveEnvironmentSchema } from './schema/derive.js';

/**
 * sha256 (hex) over the sha256 of an environment's source and the canonical JSON of the tools and state
 * schema derived from it: stored as `provenance.digest` in env.json, so loading can tell an env.json
 * edited by hand from one written with its env.ts without deriving the schemas again.
 */
export function environmentDigest(options: {
  source: string;
  tools: readonly ToolSpec[];
  stateSchema: JsonSchema;
}): string {
  // the source is hashed as it is (escaping a large module as JSON costs more than hashing it)
  return createHash('sha256')
    .update(createHash('sha256').update(options.source).digest('hex'))
    .update(canonicalJson({ tools: options.tools, stateSchema: options.stateSchema }))
    .digest('hex');
}

/** Where two JSON values first differ (`$.parameters.properties.x.type`), or undefined when equal. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (canonicalJson(a) === canonicalJson(b)) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of [...keys].sort()) {
    const at = Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`;
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      at,
    );
    if (found) return found;
  }
  return path;
}

const shown = (value: unknown) => {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/**
 * Checks that the tools and state schema an env.json stores are what its env.ts declares (for an env.json
 * whose `source` is that env.ts). With a `provenance.digest` that still matches, nothing is derived; with
 * no digest, or one that no longer matches, the schemas are derived from env.ts and compared, and a
 * difference is an INVALID_ARTIFACT error naming the file and the differing tool.
 */
export async function checkPackageAgainstSource(options: {
  pkg: EnvironmentPackage;
  pkgPath: string;
  envPath: string;
}): Promise<void> {
  const { pkg, pkgPath, envPath } = options;
  if (pkg.provenance.digest !== undefined && pkg.provenance.digest === environmentDigest(pkg)) return;
  const derived = await deriveEnvironmentSchema({
    source: pkg.source,
    className: pkg.className,
    fileName: envPath,
  });
  const problems: string[] = [];
  const declared = new Map(derived.tools.map((tool) => [tool.name, tool]));
  const stored = new Map(pkg.tools.map((tool) => [tool.name, tool]));
  for (const tool of pkg.tools) {
    const own = declared.get(tool.name);
    if (!own) {
      problems.push(`tool '${tool.name}' is in env.json but is not a tool of env.ts`);
      continue;
    }
    const where = firstDifference(tool, own);
    if (where) {
      const get = (value: unknown) =>
        where
          .slice(1)
          .split(/\.|\[|\]/)
          .filter(Boolean)
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
      problems.push(
        `tool '${tool.name}' differs at ${where}: ${shown(get(tool))} in env.json, ${shown(get(own))} in env.ts`,
      );
    }
  }
  for (const tool of derived.tools) {
    if (!stored.has(tool.name)) problems.push(`tool '${tool.name}' of env.ts is missing from env.json`);
  }
  const stateWhere = firstDifference(pkg.stateSchema, derived.stateSchema);
  if (stateWhere) problems.push(`stateSchema differs from what env.ts declares at ${stateWhere}`);
  if (problems.length === 0) return; // the stored schemas are env.ts's (only the digest is off)
  throw new EnvscalerError(
    'INVALID_ARTIFACT',
    `${pkgPath} disagrees with ${envPath} (was env.json edited by hand?): ${problems.join('; ')}. ` +
      'env.ts is the source of truth: restore env.json, or rebuild the environment.',
    { details: { pkgPath, envPath, problems } },
  );
}

/**
 * `provenance` (a fresh one when none is given) whose `digest` is that of these schemas, computed when
 * first read (by `toPackage()`), so loading an environment does not pay for hashing it.
 */
export function withDigest(
  provenance: EnvironmentPackage['provenance'] | undefined,
  content: { source: string; tools: readonly ToolSpec[]; stateSchema: JsonSchema },
): EnvironmentPackage['provenance'] {
  const result = { ...(provenance ?? { createdAt: new Date().toISOString() }) };
  let digest: string | undefined;
  Object.defineProperty(result, 'digest', {
    enumerable: true,
    configurable: true,
    get: () => (digest ??= environmentDigest(content)),
  });
  return result;
}
