import type { Command } from 'commander';
import { EnvscalerError } from '@envscaler/core';
import { getQueueStatus, type QueueStatus } from '@envscaler/jobs';

/** The status table: one row per queue, then the failed jobs' errors. */
export function formatQueueStatus(status: readonly QueueStatus[]): string {
  const lines = ['queue                         workers  waiting  active  delayed  failed'];
  for (const q of status) {
    const c = q.counts;
    lines.push(
      `${q.queue.padEnd(30)}${String(q.workers).padEnd(9)}${String(c.waiting).padEnd(9)}${String(c.active).padEnd(8)}${String(c.delayed).padEnd(9)}${c.failed}`,
    );
  }
  const failed = status.flatMap((q) => q.failed.map((f) => ({ ...f, queue: q.queue })));
  if (failed.length > 0) {
    lines.push('', 'failed jobs (kept for inspection; a re-run of the same command retries them):');
    for (const f of failed) {
      const firstLine = f.error.split('\n')[0] ?? '';
      lines.push(
        `  ${f.queue} ${f.id}  attempts ${f.attempts}${f.failedAt ? `  ${f.failedAt}` : ''}\n    ${firstLine}`,
      );
    }
  }
  return lines.join('\n');
}

export async function runStatusCommand(options: {
  redis: string;
  queue?: string;
  failedLimit?: number;
}): Promise<{ status: QueueStatus[]; text: string }> {
  const status = await getQueueStatus({
    url: options.redis,
    queueName: options.queue,
    failedLimit: options.failedLimit,
  });
  return { status, text: formatQueueStatus(status) };
}

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(
      "job queue progress across all workers: waiting / active / failed per queue and the failed jobs' errors",
    )
    .option('--redis <url>', 'Redis URL (default $REDIS_URL)')
    .option('--queue <name>', 'base queue name', 'envscaler')
    .option('--failed <n>', 'failed jobs to list per queue', (v) => Number(v), 20)
    .option('--json', 'print the status as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ envscaler status --redis redis://10.0.0.5:6379',
        '  $ envscaler status --json',
      ].join('\n'),
    )
    .action(async (flags: { redis?: string; queue: string; failed: number; json?: boolean }) => {
      const redis = flags.redis ?? process.env.REDIS_URL;
      if (!redis) throw new EnvscalerError('INVALID_INPUT', 'status needs --redis <url> (or REDIS_URL)');
      const { status, text } = await runStatusCommand({
        redis,
        queue: flags.queue,
        failedLimit: flags.failed,
      });
      process.stdout.write(flags.json ? `${JSON.stringify(status, null, 2)}\n` : `${text}\n`);
    });
}
