import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentPackage } from '@envscaler/core';
import { environmentDigest, loadEnvironment } from './index.js';
import { librarySource } from './fixtures/load-fixture.js';

const root = mkdtempSync(join(tmpdir(), 'envscaler-digest-'));
let pkg: EnvironmentPackage;

beforeAll(async () => {
  const env = await loadEnvironment({ source: librarySource, sandbox: 'none' });
  pkg = env.toPackage();
  env.dispose();
});

function envDir(name: string, envJson: unknown, source = librarySource): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'env.ts'), source);
  writeFileSync(join(dir, 'env.json'), JSON.stringify(envJson, null, 2));
  return dir;
}

const edited = (edit: (p: EnvironmentPackage) => void): EnvironmentPackage => {
  const copy = structuredClone(pkg);
  edit(copy);
  return copy;
};

describe('an env.json that disagrees with its env.ts', () => {
  it('packages carry a digest of source, tools and state schema, and an untouched env.json loads', async () => {
    expect(pkg.provenance.digest).toBe(environmentDigest(pkg));
    const env = await loadEnvironment({ dir: envDir('ok', pkg), sandbox: 'none' });
    expect(env.toPackage()).toEqual(pkg);
    env.dispose();
  });

  it('fails to load when a tool was edited by hand, naming the file, the tool and the difference', async () => {
    const dir = envDir(
      'param',
      edited((p) => {
        const lend = p.tools.find((t) => t.name === 'lendBook')!;
        (lend.parameters as { properties: Record<string, { type: string }> }).properties.bookId!.type =
          'number';
      }),
    );
    const error = await loadEnvironment({ dir, sandbox: 'none' }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARTIFACT' });
    expect((error as Error).message).toContain(
      `${join(dir, 'env.json')} disagrees with ${join(dir, 'env.ts')}`,
    );
    expect((error as Error).message).toContain(
      `tool 'lendBook' differs at $.parameters.properties.bookId.type: "number" in env.json, "string" in env.ts`,
    );
  });

  it('names a tool that env.ts does not have and one that env.json lost', async () => {
    const renamed = envDir(
      'renamed',
      edited((p) => {
        p.tools.find((t) => t.name === 'getBook')!.name = 'fetchBook';
      }),
    );
    await expect(loadEnvironment({ dir: renamed, sandbox: 'none' })).rejects.toThrow(
      /tool 'fetchBook' is in env\.json but is not a tool of env\.ts; tool 'getBook' of env\.ts is missing from env\.json/,
    );
    const dropped = envDir(
      'dropped',
      edited((p) => {
        p.tools = p.tools.filter((t) => t.name !== 'lendBook');
      }),
    );
    await expect(loadEnvironment({ dir: dropped, sandbox: 'none' })).rejects.toThrow(
      /tool 'lendBook' of env\.ts is missing from env\.json/,
    );
  });

  it('checks an env.json without a digest against env.ts, and accepts one whose only change is the digest', async () => {
    const legacy = edited((p) => {
      delete p.provenance.digest;
    });
    const honest = await loadEnvironment({ dir: envDir('legacy', legacy), sandbox: 'none' });
    expect(honest.tools).toEqual(pkg.tools);
    honest.dispose();
    const tampered = edited((p) => {
      delete p.provenance.digest;
      p.tools.find((t) => t.name === 'getBook')!.description = 'Edited by hand.';
    });
    await expect(
      loadEnvironment({ dir: envDir('legacy-edited', tampered), sandbox: 'none' }),
    ).rejects.toThrow(/tool 'getBook' differs at \$\.description: "Edited by hand\." in env\.json/);
    const digestOnly = edited((p) => {
      p.provenance.digest = '0'.repeat(64);
    });
    const loaded = await loadEnvironment({ dir: envDir('digest-only', digestOnly), sandbox: 'none' });
    loaded.dispose();
  });

  it('still re-derives everything when env.ts itself changed after env.json was written', async () => {
    const source = librarySource.replace('getBook(args', '/** Look a book up. */\n  findBook(args');
    const env = await loadEnvironment({
      dir: envDir(
        'edited-ts',
        edited((p) => (p.tools[0]!.description = 'stale')),
        source,
      ),
      sandbox: 'none',
    });
    expect(env.tools.map((t) => t.name)).toContain('findBook');
    env.dispose();
  });
});
