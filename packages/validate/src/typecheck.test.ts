import { describe, expect, it } from 'vitest';
import { CheckTypeChecker } from './typecheck.js';

const envSource = (field: string) => `export interface State { ${field}: number }\n`;

describe('CheckTypeChecker', () => {
  it('keeps only the most recent environments in its project, and re-adds an evicted one on set', () => {
    const checker = new CheckTypeChecker();
    for (let i = 0; i < 20; i++) checker.setEnvironment(`env-${i}`, envSource(`f${i}`));
    const files = checker.environmentFiles();
    expect(files.length).toBeLessThanOrEqual(8);
    expect(files).toContain('/envs/env-19/env.ts');
    expect(files).not.toContain('/envs/env-0/env.ts');
    // an evicted environment checks correctly once it is set again
    checker.setEnvironment('env-0', envSource('f0'));
    expect(checker.checkSources('env-0', ['(final) => final.f0 > 0'])).toEqual([]);
    expect(checker.checkSources('env-0', ['(final) => final.f1 > 0'])).toEqual([
      expect.objectContaining({ index: 0, message: expect.stringMatching(/f1/) }),
    ]);
  });

  it('keeps an environment in use: setting it again counts as recent use', () => {
    const checker = new CheckTypeChecker();
    checker.setEnvironment('busy', envSource('a'));
    for (let i = 0; i < 20; i++) {
      checker.setEnvironment(`other-${i}`, envSource('b'));
      checker.setEnvironment('busy', envSource('a'));
    }
    expect(checker.environmentFiles()).toContain('/envs/busy/env.ts');
  });
});
