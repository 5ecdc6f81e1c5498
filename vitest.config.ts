import { defineConfig } from 'vitest/config';

// One run over every workspace project, so `vitest run` at the root prints a single summary.
export default defineConfig({
  test: {
    projects: ['tests/consumer', 'packages/*', 'apps/*', 'envs/*', 'scripts'],
  },
});
