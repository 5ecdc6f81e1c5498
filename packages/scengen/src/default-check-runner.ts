import type { CheckRunner } from './types.js';
import { createVmCheckRunner } from './check-runner.js';

/** The sandboxed check runner used when none is passed. */
export async function defaultCheckRunner(): Promise<CheckRunner> {
  return createVmCheckRunner();
}
