import { join } from 'node:path';
import { runRollouts, type RolloutResult, type RunRolloutsOptions } from '@envscaler/validate';
import type { ProgressReporter } from './progress.js';

/**
 * `runRollouts` with one 'rollouts' progress line (running, mean reward, tokens), wherever the episodes
 * run; the closing line says how many ran and how many an earlier run had finished.
 */
export async function runRolloutStage(
  options: RunRolloutsOptions & { progress?: ProgressReporter },
): Promise<RolloutResult> {
  const { progress, ...rollout } = options;
  const stage = progress?.stage('rollouts', options.scenarios.length * options.trials);
  const backend =
    options.executor && options.executor.name !== 'inprocess' ? ` (${options.executor.name})` : '';
  const result = await runRollouts({
    ...rollout,
    onProgress: (p) => {
      const tokens = p.usage.promptTokens + p.usage.completionTokens;
      stage?.update({
        done: p.done,
        failed: p.failed,
        detail: `running ${p.running}${backend}  mean reward ${p.meanReward.toFixed(3)}  tokens ${tokens}`,
      });
      options.onProgress?.(p);
    },
  });
  stage?.finish(
    `${result.ran} run, ${result.skipped} already done → ${join(options.out, 'trajectories.jsonl')}`,
  );
  return result;
}
