import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// A tiny hand-written environment used by the serve tests and benchmark.
export const bankSource = `
import { Environment, type ToolResult } from '@envscaler/core';

export interface Account { balance: number; history: number[] }
export interface State { accounts: Record<string, Account> }

/** A tiny bank: deposits and withdrawals on named accounts. */
export class Bank extends Environment<State> {
  /** Add money to an account. */
  deposit(args: { /** Account name. */ account: string; /** Amount, positive. */ amount: number }): ToolResult<number> {
    const acct = this.state.accounts[args.account];
    if (!acct) return this.fail('NOT_FOUND', 'no account ' + args.account);
    if (args.amount <= 0) return this.fail('INVALID', 'amount must be positive');
    acct.balance += args.amount;
    acct.history.push(args.amount);
    return this.ok(acct.balance);
  }
  /** Take money out; fails when the balance is too low. */
  withdraw(args: { account: string; amount: number }): ToolResult<number> {
    const acct = this.state.accounts[args.account];
    if (!acct) return this.fail('NOT_FOUND', 'no account ' + args.account);
    if (acct.balance < args.amount) return this.fail('INSUFFICIENT_FUNDS', 'balance too low');
    acct.balance -= args.amount;
    acct.history.push(-args.amount);
    return this.ok(acct.balance);
  }
  /** Read a balance. */
  balance(args: { account: string }): ToolResult<number> {
    const acct = this.state.accounts[args.account];
    return acct ? this.ok(acct.balance) : this.fail('NOT_FOUND', 'no account ' + args.account);
  }
  /** Never returns (for timeout tests). */
  spin(args: { seconds?: number }): ToolResult<null> {
    for (;;) { void args; }
  }
}
`;

export const bankInitialState = {
  accounts: { a: { balance: 10, history: [] }, b: { balance: 0, history: [] } },
};

/** Writes env.ts + meta.json of the bank environment into `dir`. */
export async function writeBankEnvironment(options: { dir: string }): Promise<void> {
  await writeFile(join(options.dir, 'env.ts'), bankSource);
  await writeFile(
    join(options.dir, 'meta.json'),
    JSON.stringify({ id: 'bank', topic: 'Banking', summary: 'Accounts', rules: ['No overdrafts.'] }),
  );
}
