import { InvalidArgumentError, type Command } from 'commander';
import { EnvscalerError } from '@envscaler/core';
import { startEnvServer } from '../serve/env-server.js';
import { serveMcpStdio } from '../serve/mcp.js';
import { loadEnvironmentsFrom, positiveInt, readScenarios } from '../inputs.js';

interface ServeFlags {
  envs: string;
  scenarios?: string;
  host: string;
  port: number;
  token?: string;
  mcp?: 'stdio' | 'http';
  env?: string;
  scenario?: string;
  maxSessions: number;
  idleTimeout: number;
  bodyLimit: number;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number (0-65535)');
  return n;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve environments as isolated worlds over HTTP (sessions, Gym reset/step) and MCP')
    .requiredOption('--envs <dir>', 'an environment directory, or a directory of them')
    .option(
      '--scenarios <file>',
      'scenarios (.jsonl, .json or a directory) for scenario sessions and rewards',
    )
    .option('--host <address>', 'address to bind; non-loopback needs --token', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', port, 8787)
    .option('--token <token>', 'bearer token clients must send (default: $ENVSCALER_SERVE_TOKEN)')
    .option('--mcp <transport>', "also speak MCP: 'stdio' (instead of HTTP) or 'http' (at /mcp, always on)")
    .option('--env <id>', 'environment an MCP session gets (when several are loaded)')
    .option('--scenario <id>', 'scenario whose initial state an MCP session starts from')
    .option('--max-sessions <n>', 'most live sessions', positiveInt, 1000)
    .option('--idle-timeout <seconds>', 'close sessions idle this long', positiveInt, 600)
    .option('--body-limit <bytes>', 'largest request body', positiveInt, 1024 * 1024)
    .addHelpText(
      'after',
      `\nExamples:\n  $ envscaler serve --envs envs/tau2-retail --scenarios out/scenarios --port 8787\n  $ envscaler serve --envs out/envs --env library-loans --scenarios out/scenarios --mcp stdio`,
    )
    .action(async (flags: ServeFlags) => {
      if (flags.mcp !== undefined && flags.mcp !== 'stdio' && flags.mcp !== 'http') {
        throw new EnvscalerError('INVALID_INPUT', `--mcp must be 'stdio' or 'http', not '${flags.mcp}'`);
      }
      const envs = await loadEnvironmentsFrom({ dir: flags.envs });
      const scenarios = flags.scenarios ? await readScenarios({ path: flags.scenarios }) : [];
      const target = { envId: flags.env, scenarioId: flags.scenario };
      if (flags.mcp === 'stdio') {
        const running = await serveMcpStdio({
          envs: new Map(envs.map((e) => [e.id, e])),
          scenarios: new Map(scenarios.map((s) => [s.id, s])),
          target,
        });
        await new Promise<void>((resolve) => process.stdin.once('close', resolve));
        await running.close();
        return;
      }
      const server = await startEnvServer({
        envs,
        scenarios,
        host: flags.host,
        port: flags.port,
        token: flags.token ?? process.env.ENVSCALER_SERVE_TOKEN,
        maxSessions: flags.maxSessions,
        idleTimeoutMs: flags.idleTimeout * 1000,
        bodyLimitBytes: flags.bodyLimit,
        mcp: target,
      });
      process.stderr.write(
        `envscaler serve: ${envs.length} environment(s), ${scenarios.length} scenario(s) on ${server.url} (OpenAPI at ${server.url}/openapi.json, MCP at ${server.url}/mcp)\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.stderr.write('envscaler serve: finishing in-flight calls and closing\n');
      await server.close();
      for (const env of envs) env.dispose();
    });
}
