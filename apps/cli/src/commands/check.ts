import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import {
  EnvscalerError,
  InvalidArtifactError,
  parseArtifact,
  type ArtifactIssue,
  type EnvironmentPackage,
} from '@envscaler/core';
import { readArtifact } from '@envscaler/core/node';
import { loadEnvironment } from '@envscaler/runtime';
import {
  validateEnvironmentPackage,
  validateScenario,
  validateTrajectory,
  type ValidationReport,
} from '@envscaler/validate';
import { loadEnvironmentsFrom } from '../inputs.js';

interface CheckFlags {
  envs?: string;
}

interface Finding {
  where: string;
  report: ValidationReport;
}

/** Lines of a JSON Lines file as values, each with its file:line; a broken line is a finding, not a crash. */
interface Entry {
  where: string;
  value?: unknown;
  error?: string;
}

async function readLines(path: string): Promise<Entry[]> {
  const text = await readFile(path, 'utf8');
  return text.split('\n').flatMap((line, i): Entry[] => {
    if (line.trim() === '') return [];
    const where = `${path}:${i + 1}`;
    try {
      return [{ where, value: parseArtifact({ text: line, source: path, line: i + 1, artifact: 'JSON line' }) }];
    } catch (error) {
      if (!(error instanceof InvalidArtifactError)) throw error;
      // A syntax error's source is path:line:column.
      const at = typeof error.details.source === 'string' ? error.details.source : where;
      return [{ where: at, error: error.issues[0]?.message ?? error.message }];
    }
  });
}

/**
 * Validates an environment directory (compiled and type-checked with the real compiler), an env.json, or
 * a file of scenarios or trajectories (check functions are type-checked against their environment's
 * State when --envs names it). Prints every issue with its location; invalid input exits with code 2.
 */
export async function runCheck(options: {
  path: string;
  envs?: string;
  write: (line: string) => void;
}): Promise<Finding[]> {
  const info = await stat(options.path).catch(() => {
    throw new EnvscalerError('NOT_FOUND', `nothing to check at ${options.path}`);
  });
  const envPackages = new Map<string, EnvironmentPackage>();
  if (options.envs) {
    const loaded = await loadEnvironmentsFrom({ dir: options.envs });
    for (const env of loaded) {
      envPackages.set(env.id, env.toPackage());
      env.dispose();
    }
  }
  const findings: Finding[] = [];
  if (info.isDirectory()) {
    let env;
    try {
      env = await loadEnvironment({ dir: options.path, typecheck: true });
    } catch (error) {
      if (error instanceof EnvscalerError && error.code === 'ENVIRONMENT_LOAD_FAILED') {
        findings.push({
          where: join(options.path, 'env.ts'),
          report: { valid: false, issues: [{ path: '$', message: error.message }] },
        });
        return findings;
      }
      throw error;
    }
    try {
      const pkg = env.toPackage();
      findings.push({ where: options.path, report: validateEnvironmentPackage({ pkg }) });
      options.write(
        `${options.path}: ${pkg.id}, ${pkg.tools.length} tools (${pkg.tools.map((t) => t.name).join(', ')}), type-checks`,
      );
    } finally {
      env.dispose();
    }
  } else if (basename(options.path) === 'env.json') {
    findings.push({
      where: options.path,
      report: validateEnvironmentPackage({ pkg: await readArtifact({ file: options.path }) }),
    });
  } else {
    const entries = options.path.endsWith('.jsonl')
      ? await readLines(options.path)
      : [await readArtifact({ file: options.path })]
          .flat()
          .map((value, i): Entry => ({ where: `${options.path}[${i}]`, value }));
    for (const entry of entries) {
      if (entry.error) {
        findings.push({
          where: entry.where,
          report: { valid: false, issues: [{ path: '$', message: entry.error }] },
        });
        continue;
      }
      const value = entry.value as Record<string, unknown>;
      const env = typeof value?.envId === 'string' ? envPackages.get(value.envId) : undefined;
      const report = Array.isArray(value?.messages)
        ? validateTrajectory({ trajectory: value, env })
        : validateScenario({ scenario: value, env });
      if (!env && options.envs && typeof value?.envId === 'string') {
        report.issues.push({
          path: '$.envId',
          message: `environment '${value.envId}' is not under ${options.envs}`,
        });
        report.valid = false;
      }
      findings.push({ where: entry.where, report });
    }
  }
  return findings;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'validate an environment (type-checked with the compiler), an env.json, or scenario/trajectory files',
    )
    .argument('<path>', 'an environment directory, env.json, scenarios .jsonl/.json, or trajectories.jsonl')
    .option(
      '--envs <dir>',
      'environments the scenarios/trajectories belong to (enables tool-name and check type-checks)',
    )
    .addHelpText(
      'after',
      `\nExamples:\n  $ envscaler check out/envs/public-library-loans\n  $ envscaler check out/scenarios/public-library-loans.jsonl --envs out/envs`,
    )
    .action(async (path: string, flags: CheckFlags) => {
      const write = (line: string) => process.stdout.write(`${line}\n`);
      const findings = await runCheck({ path, envs: flags.envs, write });
      const issues: ArtifactIssue[] = findings.flatMap((f) =>
        f.report.issues.map((i) => ({ path: `${f.where} ${i.path}`, message: i.message })),
      );
      if (issues.length > 0) throw new InvalidArtifactError({ artifact: 'input', source: path, issues });
      write(`ok: ${findings.length} artifact(s) valid`);
    });
}
