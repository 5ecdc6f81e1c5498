import { defineConfig } from 'vitest/config';

// The repo's own scripts (plain Node, no workspace imports), as their own project in the root run.
export default defineConfig({
  test: {
    name: 'scripts',
    include: ['*.test.mjs'],
  },
});
