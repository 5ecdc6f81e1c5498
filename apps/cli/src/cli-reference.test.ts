import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderCliReference } from './cli-reference.js';

describe('docs/cli.md', () => {
  it('is the reference generated from the current command definitions (run `pnpm --filter @envscaler/cli docs:cli`)', async () => {
    const committed = await readFile(new URL('../../../docs/cli.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderCliReference());
  });

  it('documents every command with its options and an example', () => {
    const text = renderCliReference();
    for (const command of [
      'demo',
      'init',
      'build',
      'scenarios',
      'rollout',
      'eval',
      'export',
      'replay',
      'check',
      'serve',
      'view',
      'worker',
      'status',
      'bench',
    ]) {
      expect(text, command).toContain(`## \`envscaler ${command}\``);
    }
    expect(text).toContain('Example');
  });
});
