import { getDefaultCheckRunner } from '@envscaler/validate';
import type { ScenarioCheckRunner } from './types.js';

/** The sandboxed check runner used when none is passed: validate's shared isolated-vm runner. */
export async function defaultCheckRunner(): Promise<ScenarioCheckRunner> {
  return getDefaultCheckRunner();
}
