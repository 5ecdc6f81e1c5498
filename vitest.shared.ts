import { defineConfig, type ViteUserConfig } from 'vitest/config';

const rootDir = new URL('.', import.meta.url).pathname;

/**
 * Shared test settings: workspace packages resolve to their src/ through the custom export condition,
 * and tests run in forked processes started with --no-node-snapshot, which isolated-vm needs on Node 20.
 */
export function definePackageTestConfig(overrides: ViteUserConfig['test'] = {}) {
  return defineConfig({
    ssr: { resolve: { conditions: ['@envscaler/source'], externalConditions: ['@envscaler/source'] } },
    resolve: { conditions: ['@envscaler/source'] },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', '*.test.ts'],
      pool: 'forks',
      execArgv: ['--no-node-snapshot'],
      setupFiles: [`${rootDir}vitest.setup.ts`],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  });
}
