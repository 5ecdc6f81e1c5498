// The lint rule that keeps every package self-contained (eslint.config.js, `envscaler/own-paths`):
// run through the real ESLint on sources placed, by path, inside real workspace packages.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function ownPathErrors(code, filePath) {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result.messages.filter((m) => m.ruleId === 'envscaler/own-paths').map((m) => m.message);
}

describe('envscaler/own-paths', () => {
  it('rejects a URL that climbs out of the package', async () => {
    const errors = await ownPathErrors(
      "export const f = new URL('../../../docs/x.md', import.meta.url);\n",
      'packages/bench/src/probe.ts',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/resolves outside @envscaler\/bench \(\.\.\/\.\.\/docs\/x\.md\)/);
  });

  it("rejects any path into the workspace's ../shared/conformance folder", async () => {
    const errors = await ownPathErrors(
      "import path from 'node:path';\nexport const d = path.resolve(process.cwd(), 'x/shared/conformance/tau2-retail');\n",
      'packages/validate/src/probe.test.ts',
    );
    expect(errors).toEqual([expect.stringMatching(/\.\.\/shared folder/)]);
  });

  it('rejects path.resolve with a repository-relative climb, in tests too', async () => {
    const errors = await ownPathErrors(
      "import path from 'node:path';\nexport const repo = path.resolve(import.meta.dirname, '../../..');\n",
      'packages/scengen/test/probe.test.ts',
    );
    expect(errors).toHaveLength(1);
  });

  it('accepts paths inside the package and declared outside fixtures', async () => {
    expect(
      await ownPathErrors(
        "export const f = new URL('../fixtures/a.json', import.meta.url);\n",
        'envs/tau2-retail/test/probe.test.ts',
      ),
    ).toEqual([]);
    // apps/cli declares ../../docs/cli.md in package.json envscaler.outsideFixtures
    expect(
      await ownPathErrors(
        "export const f = new URL('../../../docs/cli.md', import.meta.url);\n",
        'apps/cli/src/probe.test.ts',
      ),
    ).toEqual([]);
  });
});
