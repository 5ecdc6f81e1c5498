// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Which workspace packages each package may import in its shipped code (ARCHITECTURE.md):
 * dependencies point one way, skelbuilder and scengen never import each other, llm sits beside
 * runtime and only the apps use it, core imports nothing of ours.
 */
const allowedImports = {
  '@envscaler/core': [],
  '@envscaler/runtime': ['@envscaler/core'],
  '@envscaler/llm': ['@envscaler/core'],
  '@envscaler/jobs': ['@envscaler/core'],
  '@envscaler/testing': ['@envscaler/core'],
  '@envscaler/validate': ['@envscaler/core', '@envscaler/runtime'],
  '@envscaler/skelbuilder': ['@envscaler/core', '@envscaler/runtime', '@envscaler/validate'],
  '@envscaler/scengen': ['@envscaler/core', '@envscaler/runtime', '@envscaler/validate'],
  '@envscaler/env-bfcl-multi-turn': ['@envscaler/core'],
  '@envscaler/env-tau2-retail': ['@envscaler/core'],
  '@envscaler/env-tau-airline': ['@envscaler/core'],
  '@envscaler/env-acebench': ['@envscaler/core'],
  '@envscaler/bench': [
    '@envscaler/core', '@envscaler/runtime', '@envscaler/validate',
    '@envscaler/env-bfcl-multi-turn', '@envscaler/env-tau2-retail', '@envscaler/env-acebench',
    '@envscaler/env-tau-airline',
  ],
  '@envscaler/viewer': ['@envscaler/core'],
  '@envscaler/cli': [
    '@envscaler/core', '@envscaler/runtime', '@envscaler/validate', '@envscaler/skelbuilder',
    '@envscaler/scengen', '@envscaler/llm', '@envscaler/testing', '@envscaler/viewer', '@envscaler/jobs',
    '@envscaler/bench',
  ],
};

const rootManifest = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const manifestCache = new Map();
/** The nearest package.json above a file, parsed once. */
function manifestFor(file) {
  let dir = path.dirname(file);
  while (dir !== path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (manifestCache.has(candidate)) return manifestCache.get(candidate);
    if (fs.existsSync(candidate)) {
      const value = { dir, json: JSON.parse(fs.readFileSync(candidate, 'utf8')) };
      manifestCache.set(candidate, value);
      return value;
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

const layering = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const manifest = manifestFor(file);
    if (!manifest) return {};
    const self = manifest.json.name;
    const isTest = /\.(test|bench)\.ts$|\/(test|bench|test-fixtures)\//.test(file);
    const declared = new Set([
      ...Object.keys(manifest.json.dependencies ?? {}),
      ...Object.keys(manifest.json.peerDependencies ?? {}),
      ...(isTest ? Object.keys(manifest.json.devDependencies ?? {}) : []),
      ...(isTest ? Object.keys(rootManifest.devDependencies ?? {}) : []),
    ]);
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        if (!target.startsWith(manifest.dir + path.sep)) {
          context.report({ node, message: `'${source}' reaches outside ${self}; import the package instead.` });
        }
        return;
      }
      if (source.startsWith('node:') || !source.includes('/') && !/^[a-z@]/.test(source)) return;
      const parts = source.split('/');
      const pkg = source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (source.startsWith('@envscaler/') && /\/src(\/|$)/.test(source)) {
        context.report({ node, message: `Import '${pkg}' through its exports, not its src/ files.` });
      }
      if (pkg === self) return;
      if (pkg.startsWith('@envscaler/') && !isTest && allowedImports[self] && !allowedImports[self].includes(pkg)) {
        context.report({ node, message: `${self} must not import ${pkg} (dependencies point one way; see docs/architecture.md).` });
      }
      if (!declared.has(pkg) && !isBuiltin(pkg)) {
        context.report({ node, message: `${self} imports '${pkg}' but its package.json does not declare it.` });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};


/**
 * Files a package reads must be its own: a relative path that climbs out of the package (`../../..`,
 * `new URL('../../../x', import.meta.url)`) or names the workspace's neighbour folder breaks as soon as
 * the package is installed from npm. Test-only exceptions are declared in package.json under
 * `envscaler.outsideFixtures` (paths relative to the package).
 */
const ownPaths = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const manifest = manifestFor(file);
    if (!manifest) return {};
    const self = manifest.json.name;
    const allowed = (manifest.json.envscaler?.outsideFixtures ?? []).map((p) => path.resolve(manifest.dir, p));
    const inside = (target) =>
      target === manifest.dir || target.startsWith(manifest.dir + path.sep) ||
      allowed.some((a) => target === a || target.startsWith(a + path.sep));
    /** `bases`: the directories the literal may be relative to (a path.join base is not known statically). */
    function checkLiteral(node, value, bases) {
      if (typeof value !== 'string') return;
      if (/(^|\/)shared\/conformance(\/|$)/.test(value)) {
        context.report({ node, message: `'${value}' reads the workspace's ../shared folder; ship the data in a package instead.` });
        return;
      }
      if (!/^\.\.(\/|$)/.test(value)) return;
      const targets = bases.map((base) => path.resolve(base, value));
      if (!targets.some(inside)) {
        context.report({
          node,
          message: `'${value}' resolves outside ${self} (${path.relative(manifest.dir, targets[0])}); read it through a package, or declare it in package.json envscaler.outsideFixtures.`,
        });
      }
    }
    const fileDir = path.dirname(file);
    const isUrl = (callee) => callee.type === 'Identifier' && callee.name === 'URL';
    const isPathCall = (callee) =>
      (callee.type === 'Identifier' && ['resolve', 'join'].includes(callee.name)) ||
      (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && ['resolve', 'join'].includes(callee.property.name));
    function checkCall(node) {
      const url = isUrl(node.callee);
      if (!url && !isPathCall(node.callee)) return;
      const bases = url ? [fileDir] : [fileDir, manifest.dir];
      for (const arg of node.arguments) {
        if (arg.type === 'Literal') checkLiteral(arg, arg.value, bases);
        else if (arg.type === 'TemplateLiteral' && arg.quasis.length > 0) checkLiteral(arg, arg.quasis[0].value.cooked, bases);
      }
    }
    return { CallExpression: checkCall, NewExpression: checkCall };
  },
};

import { builtinModules } from 'node:module';
const builtins = new Set(builtinModules);
function isBuiltin(name) {
  return builtins.has(name);
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { envscaler: { rules: { layering, 'own-paths': ownPaths } } },
    rules: {
      'envscaler/layering': 'error',
      'envscaler/own-paths': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // On Node 20 the first AsyncLocalStorage.run (or an enabled hook) turns on promise hooks for the
      // whole process: every later promise costs more. In `bench pipeline` it halved the rollout rate after
      // scenario generation and made a walk of 70,000 files take 20 s and 3 GB. Pass context explicitly.
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:async_hooks', 'async_hooks'].map((name) => ({
            name,
            importNames: ['AsyncLocalStorage', 'createHook'],
            message: 'process-wide promise hooks slow every promise (see eslint.config.js); pass context explicitly.',
          })),
        },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts', 'apps/viewer/src/**/*.ts', 'apps/viewer/src/**/*.tsx'],
    // core's Node-only toolkit is the `@envscaler/core/node` entry, which the browser never loads.
    ignores: ['**/*.test.ts', 'packages/core/src/node/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'core must run in the browser: no node:* imports.' }] }],
    },
  },
);
