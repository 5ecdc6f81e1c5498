import { defineConfig, type Options } from 'tsup';

/**
 * One build recipe for every publishable package: ESM + .d.ts from src/index.ts.
 * Workspace dependencies stay external; the d.ts build resolves them through their built types
 * (no source condition), so turbo builds dependencies first (`dependsOn: ["^build"]`).
 */
export function defineLibraryBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    clean: true,
    dts: { compilerOptions: { ignoreDeprecations: '6.0', customConditions: [] } },
    ...overrides,
  });
}
