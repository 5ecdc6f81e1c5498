import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { EnvscalerError, type Scenario } from '@envscaler/core';
import type { EnvironmentSession, LoadedEnvironment } from '@envscaler/runtime';

export interface McpTarget {
  envId?: string;
  scenarioId?: string;
}

/** Picks the environment and initial world an MCP session gets. */
function resolveTarget(options: {
  envs: ReadonlyMap<string, LoadedEnvironment>;
  scenarios: ReadonlyMap<string, Scenario>;
  target?: McpTarget;
}): { env: LoadedEnvironment; open: () => Promise<EnvironmentSession> } {
  const { envs, scenarios, target } = options;
  const scenario = target?.scenarioId === undefined ? undefined : scenarios.get(target.scenarioId);
  if (target?.scenarioId !== undefined && !scenario)
    throw new EnvscalerError('NOT_FOUND', `no scenario ${target.scenarioId}`);
  const envId = target?.envId ?? scenario?.envId ?? (envs.size === 1 ? [...envs.keys()][0] : undefined);
  const env = envId === undefined ? undefined : envs.get(envId);
  if (!env) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `MCP needs one environment: pass --env <id> (loaded: ${[...envs.keys()].join(', ')})`,
    );
  }
  const firstScenario = scenario ?? [...scenarios.values()].find((s) => s.envId === env.id);
  return {
    env,
    open: () => {
      if (firstScenario?.initialState !== undefined)
        return env.createSession({ initialState: firstScenario.initialState });
      if (firstScenario?.initialConfig !== undefined)
        return env.createSession({ config: firstScenario.initialConfig });
      if (env.initialization === 'config') return env.createSession({ config: {} });
      throw new EnvscalerError(
        'INVALID_INPUT',
        `MCP for ${env.id} needs a scenario to start from: pass --scenarios and optionally --scenario <id>`,
      );
    },
  };
}

/** An MCP server (official SDK, low-level API so tools keep their derived JSON Schemas) over one world. */
function createMcpServer(options: {
  env: LoadedEnvironment;
  world: () => Promise<EnvironmentSession>;
}): Server {
  const server = new Server(
    { name: `envscaler-${options.env.id}`, version: '0.1.0' },
    { capabilities: { tools: {} } },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: options.env.tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.parameters as { type: 'object'; [key: string]: unknown },
      annotations: { readOnlyHint: tool.kind === 'query' },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const world = await options.world();
    const result = await world.call(request.params.name, request.params.arguments ?? {});
    if (result.ok) {
      return {
        content: [{ type: 'text', text: JSON.stringify(result.data) }],
        structuredContent: { result: result.data },
      };
    }
    return {
      isError: true,
      content: [{ type: 'text', text: `${result.error.code}: ${result.error.message}` }],
    };
  });
  return server;
}

/** `envscaler serve --mcp stdio`: one world for the lifetime of the process. */
export async function serveMcpStdio(options: {
  envs: ReadonlyMap<string, LoadedEnvironment>;
  scenarios: ReadonlyMap<string, Scenario>;
  target?: McpTarget;
}): Promise<{ close(): Promise<void> }> {
  const { env, open } = resolveTarget(options);
  const world = await open();
  const server = createMcpServer({ env, world: async () => world });
  await server.connect(new StdioServerTransport());
  return {
    close: async () => {
      await server.close();
      world.dispose();
    },
  };
}

export interface McpHttpHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

/** Streamable HTTP at /mcp: every MCP session (mcp-session-id) gets its own world. */
export function createMcpHttpHandler(options: {
  envs: ReadonlyMap<string, LoadedEnvironment>;
  scenarios: ReadonlyMap<string, Scenario>;
  target?: McpTarget;
}): McpHttpHandler {
  const { env, open } = resolveTarget(options);
  const sessions = new Map<
    string,
    { transport: StreamableHTTPServerTransport; server: Server; world: Promise<EnvironmentSession> }
  >();
  return {
    async handle(req, res) {
      const sessionId = req.headers['mcp-session-id'];
      const existing = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
      if (existing) return existing.transport.handleRequest(req, res);
      if (typeof sessionId === 'string') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            jsonrpc: '2.0',
            error: { code: -32001, message: `unknown MCP session ${sessionId}` },
            id: null,
          }),
        );
        return;
      }
      // A request without a session id must be an initialize: give it a fresh world.
      const world = open();
      world.catch(() => undefined);
      const server = createMcpServer({ env, world: () => world });
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          sessions.set(id, { transport, server, world });
        },
        onsessionclosed: async (id) => {
          sessions.delete(id);
          (await world).dispose();
        },
      });
      await server.connect(transport);
      await transport.handleRequest(req, res);
    },
    async close() {
      for (const [id, entry] of sessions) {
        sessions.delete(id);
        await entry.server.close();
        (await entry.world.catch(() => undefined))?.dispose();
      }
    },
  };
}
