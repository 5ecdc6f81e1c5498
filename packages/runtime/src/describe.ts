// What an environment says about itself before it is compiled: its source, tools and description, read
// from an environment directory (env.ts with env.json or meta.json), a package object or bare source.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  EnvscalerError,
  parseEnvironmentPackage,
  type EnvironmentPackage,
  type JsonSchema,
  type ToolSpec,
} from '@envscaler/core';
import { readArtifact } from '@envscaler/core/node';
import { checkPackageAgainstSource } from './digest.js';
import type { LoadEnvironmentOptions } from './load.js';

interface Meta {
  id: string;
  className?: string;
  topic: string;
  summary: string;
  rules: string[];
  introduction?: string;
  introductionFile?: string;
}

/** meta.json: an environment directory's description when it has no env.json. */
const metaSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'topic', 'summary', 'rules'],
  additionalProperties: true,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
    className: { type: 'string' },
    topic: { type: 'string', minLength: 1 },
    summary: { type: 'string' },
    rules: { type: 'array', items: { type: 'string' } },
    introduction: { type: 'string' },
    introductionFile: { type: 'string' },
  },
  not: { required: ['introduction', 'introductionFile'] },
};

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new EnvscalerError('NOT_FOUND', `${what} not found: ${path}`, { details: { path } });
    }
    throw new EnvscalerError('INVALID_INPUT', `Cannot read ${what} ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await readFile(path);
    return true;
  } catch {
    return false;
  }
}

export function kebab(name: string): string {
  return (
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .toLowerCase()
      .replace(/^[^a-z0-9]+/, '') || 'environment'
  );
}

export interface Description {
  id: string;
  className?: string;
  topic?: string;
  summary?: string;
  introduction?: string;
  rules: string[];
  source: string;
  fileName: string;
  tools?: ToolSpec[];
  stateSchema?: JsonSchema;
  initialization?: 'state' | 'config';
  provenance?: EnvironmentPackage['provenance'];
}

export async function describe(options: LoadEnvironmentOptions): Promise<Description> {
  if ('package' in options) {
    const pkg = parseEnvironmentPackage(options.package, 'environment package');
    return { ...pkg, fileName: `${pkg.id}/env.ts` };
  }
  if ('source' in options) {
    if (typeof options.source !== 'string' || options.source.trim() === '') {
      throw new EnvscalerError('INVALID_INPUT', 'loadEnvironment: source must be non-empty TypeScript text');
    }
    return {
      id: options.id ?? '',
      className: options.className,
      rules: [],
      source: options.source,
      fileName: 'env.ts',
    };
  }
  if ('dir' in options) {
    const dir = resolve(options.dir);
    const envPath = join(dir, 'env.ts');
    const source = await readText(envPath, 'Environment module');
    const pkgPath = join(dir, 'env.json');
    const metaPath = join(dir, 'meta.json');
    if (await exists(pkgPath)) {
      const pkg = await readArtifact({ file: pkgPath, artifact: 'env.json', parse: parseEnvironmentPackage });
      // env.ts is the source of truth; when it was edited after env.json was written, re-derive.
      if (pkg.source === source) {
        // …and env.json's tools must still be env.ts's (a hand edit fails here, naming the tool)
        await checkPackageAgainstSource({ pkg, pkgPath, envPath });
        return { ...pkg, fileName: envPath };
      }
      return {
        ...pkg,
        source,
        tools: undefined,
        stateSchema: undefined,
        initialization: undefined,
        fileName: envPath,
      };
    }
    if (!(await exists(metaPath))) {
      throw new EnvscalerError('NOT_FOUND', `Neither env.json nor meta.json found in ${dir}`, {
        details: { dir },
      });
    }
    const meta = await readArtifact<Meta>({ file: metaPath, artifact: 'meta.json', schema: metaSchema });
    const introduction =
      meta.introductionFile !== undefined
        ? await readText(resolve(dir, meta.introductionFile), 'Introduction file')
        : (meta.introduction ?? '');
    return {
      id: meta.id,
      className: meta.className,
      topic: meta.topic,
      summary: meta.summary,
      introduction,
      rules: meta.rules,
      source,
      fileName: envPath,
    };
  }
  throw new EnvscalerError(
    'INVALID_INPUT',
    'loadEnvironment needs one of { source }, { dir } or { package }',
  );
}
