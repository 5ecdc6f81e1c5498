import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankInitialState, bankSource, writeBankEnvironment } from '../serve/bank-fixture.js';
import { runCheck } from './check.js';

let dir: string;
const lines: string[] = [];
const write = (line: string) => lines.push(line);

const scenario = (id: string, source: string) => ({
  schemaVersion: 1,
  id,
  envId: 'bank',
  initialState: bankInitialState,
  task: 'Deposit 5 into account a.',
  checklist: [{ id: 'c1', description: 'a grew by 5', source }],
  provenance: { createdAt: '2026-11-26T00:00:00.000Z' },
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'envscaler-check-'));
  await mkdir(join(dir, 'envs/bank'), { recursive: true });
  await writeBankEnvironment({ dir: join(dir, 'envs/bank') });
  await mkdir(join(dir, 'broken'));
  await writeBankEnvironment({ dir: join(dir, 'broken') });
  await writeFile(
    join(dir, 'broken/env.ts'),
    bankSource.replace('acct.balance += args.amount;', 'acct.balance += args.account;'),
  );
  await writeFile(
    join(dir, 'scenarios.jsonl'),
    [
      JSON.stringify(
        scenario('good', '(final, initial) => final.accounts.a.balance === initial.accounts.a.balance + 5'),
      ),
      JSON.stringify(scenario('typo', '(final, initial) => final.accounts.a.balanse === 15')),
      '{"schemaVersion": 1, "id": ',
    ].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('envscaler check', () => {
  it('type-checks an environment directory and lists its tools', async () => {
    const findings = await runCheck({ path: join(dir, 'envs/bank'), write });
    expect(findings.every((f) => f.report.valid)).toBe(true);
    expect(lines.at(-1)).toMatch(/bank, 4 tools \(deposit, withdraw, balance, spin\), type-checks/);
  });

  it('reports a compiler error in an environment with its location', async () => {
    const findings = await runCheck({ path: join(dir, 'broken'), write });
    expect(findings[0]!.report.valid).toBe(false);
    expect(findings[0]!.report.issues[0]!.message).toMatch(/env\.ts.*string.*number|number.*string/);
  });

  it('type-checks scenario check functions against the environment State and flags broken lines', async () => {
    const findings = await runCheck({ path: join(dir, 'scenarios.jsonl'), envs: join(dir, 'envs'), write });
    expect(findings.map((f) => f.report.valid)).toEqual([true, false, false]);
    expect(findings[1]!.where).toMatch(/scenarios\.jsonl:2$/);
    expect(findings[1]!.report.issues.map((i) => i.message).join('\n')).toMatch(/balanse/);
    expect(findings[2]!.where).toMatch(/scenarios\.jsonl:3:28$/);
    expect(findings[2]!.report.issues[0]!.message).toMatch(/not valid JSON: unexpected end of input/);
  });

  it('is a NOT_FOUND error for a missing path', async () => {
    await expect(runCheck({ path: join(dir, 'nope'), write })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
