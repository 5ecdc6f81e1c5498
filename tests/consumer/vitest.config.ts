import { defineConfig } from 'vitest/config';

// The published packages, installed from their tarballs into a project outside the workspace.
export default defineConfig({
  test: {
    name: 'consumer',
    include: ['*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
