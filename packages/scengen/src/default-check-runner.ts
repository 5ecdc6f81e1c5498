import { getDefaultCheckRunner } from '@envscaler/validate';
import type { CheckRunner } from './types.js';

/** The sandboxed check runner used when none is passed: validate's shared isolated-vm runner. */
export async function defaultCheckRunner(): Promise<CheckRunner> {
  return getDefaultCheckRunner();
}
