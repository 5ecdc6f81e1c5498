import { mergeConfig } from 'vitest/config';
import { definePackageTestConfig } from '../../vitest.shared.js';

export default mergeConfig(
  definePackageTestConfig({ include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts'] }),
  { oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } },
);
