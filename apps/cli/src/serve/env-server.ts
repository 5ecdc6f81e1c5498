import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvscalerError, type ChatModel, type Scenario } from '@envscaler/core';
import type { EnvironmentSession, LoadedEnvironment } from '@envscaler/runtime';
import { createEpisode, evaluateChecklist, type Episode, type EpisodeMode } from '@envscaler/validate';
import { HttpError, JsonText, isLoopbackAddress, readJsonBody, sendJson, tokenMatches } from './http-util.js';
import { openApiDocument } from './openapi.js';
import { SessionRegistry } from './session-registry.js';
import { createMcpHttpHandler, type McpHttpHandler } from './mcp.js';

export interface EnvServerOptions {
  envs: LoadedEnvironment[];
  scenarios?: Scenario[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Bearer token; required unless the server binds a loopback address only. */
  token?: string;
  maxSessions?: number;
  idleTimeoutMs?: number;
  bodyLimitBytes?: number;
  /** User simulator for conversational Gym episodes. */
  user?: ChatModel;
  /** What an MCP session gets: a world of this environment, optionally from this scenario. */
  mcp?: { envId?: string; scenarioId?: string };
}

export interface RunningEnvServer {
  url: string;
  server: Server;
  readonly sessionCount: number;
  /** Stops accepting connections, lets in-flight calls finish, then disposes every session. */
  close(): Promise<void>;
}

/** One world: the environment session, plus the Gym episode when the client uses reset/step. */
interface ServedSession {
  env: LoadedEnvironment;
  scenario?: Scenario;
  mode: EpisodeMode;
  world?: EnvironmentSession;
  episode?: Episode;
}

function objectBody(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'INVALID_REQUEST', `${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

export async function startEnvServer(options: EnvServerOptions): Promise<RunningEnvServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host) && !options.token) {
    throw new EnvscalerError(
      'CONFIG_ERROR',
      `refusing to serve on ${host} without a bearer token: pass --token (or ENVSCALER_SERVE_TOKEN), or bind 127.0.0.1`,
    );
  }
  const envs = new Map(options.envs.map((env) => [env.id, env]));
  const scenarios = new Map((options.scenarios ?? []).map((s) => [s.id, s]));
  const bodyLimit = options.bodyLimitBytes ?? 1024 * 1024;
  const registry = new SessionRegistry<ServedSession>({
    maxSessions: options.maxSessions ?? 1000,
    idleTimeoutMs: options.idleTimeoutMs ?? 10 * 60_000,
    dispose: async (value) => {
      const served = value as ServedSession;
      if (served.episode) await served.episode.close();
      served.world?.dispose();
    },
  });

  async function openSession(body: Record<string, unknown>): Promise<ServedSession> {
    const given = ['scenarioId', 'initialState', 'config'].filter((key) => body[key] !== undefined);
    if (given.length > 1)
      throw new HttpError(
        400,
        'INVALID_REQUEST',
        `give only one of scenarioId, initialState, config (got ${given.join(', ')})`,
      );
    const mode = body.mode ?? (options.user ? 'conversational' : 'non_conversational');
    if (mode !== 'conversational' && mode !== 'non_conversational') {
      throw new HttpError(400, 'INVALID_REQUEST', `mode must be "conversational" or "non_conversational"`);
    }
    if (mode === 'conversational' && !options.user) {
      throw new HttpError(
        400,
        'INVALID_REQUEST',
        'conversational sessions need the server to be started with a user model',
      );
    }
    let scenario: Scenario | undefined;
    if (body.scenarioId !== undefined) {
      scenario = scenarios.get(String(body.scenarioId));
      if (!scenario)
        throw new HttpError(404, 'SCENARIO_NOT_FOUND', `no scenario ${JSON.stringify(body.scenarioId)}`);
    }
    const envId = body.envId ?? scenario?.envId ?? (envs.size === 1 ? [...envs.keys()][0] : undefined);
    if (envId === undefined)
      throw new HttpError(
        400,
        'INVALID_REQUEST',
        `envId is required (loaded: ${[...envs.keys()].join(', ')})`,
      );
    const env = envs.get(String(envId));
    if (!env)
      throw new HttpError(
        404,
        'ENV_NOT_FOUND',
        `no environment ${JSON.stringify(envId)} (loaded: ${[...envs.keys()].join(', ')})`,
      );
    if (scenario && scenario.envId !== env.id) {
      throw new HttpError(
        400,
        'INVALID_REQUEST',
        `scenario ${scenario.id} belongs to ${scenario.envId}, not ${env.id}`,
      );
    }
    const init = scenario
      ? scenario.initialState !== undefined
        ? { initialState: scenario.initialState }
        : { config: scenario.initialConfig }
      : body.config !== undefined
        ? { config: body.config }
        : body.initialState !== undefined
          ? { initialState: body.initialState }
          : undefined;
    if (!init) throw new HttpError(400, 'INVALID_REQUEST', 'give scenarioId, initialState or config');
    try {
      return { env, scenario, mode, world: await env.createSession(init) };
    } catch (error) {
      throw new HttpError(400, 'INVALID_INITIAL_STATE', (error as Error).message);
    }
  }

  /** The world's current session: the episode's own once reset has run. */
  function activeWorld(served: ServedSession): EnvironmentSession {
    if (!served.world) throw new HttpError(409, 'NO_WORLD', 'the session has no world yet; call reset first');
    return served.world;
  }

  async function reset(served: ServedSession, body: Record<string, unknown>) {
    if (!served.scenario)
      throw new HttpError(
        400,
        'NOT_A_SCENARIO_SESSION',
        'reset/step need a session created from a scenarioId',
      );
    if (served.episode) await served.episode.close();
    served.world?.dispose();
    served.world = undefined;
    const env = served.env;
    // The episode opens its own session; keep a handle on it so tools/state/reward see the same world.
    const tracked = {
      id: env.id,
      tools: env.tools,
      introduction: env.introduction,
      rules: env.rules,
      stateSchema: env.stateSchema,
      createSession: async (init: Parameters<LoadedEnvironment['createSession']>[0]) => {
        const world = await env.createSession(init);
        served.world = world;
        return world;
      },
    };
    served.episode = createEpisode({
      env: tracked,
      scenario: served.scenario,
      user: options.user,
      mode: served.mode,
    });
    const seed = typeof body.seed === 'number' ? body.seed : undefined;
    return served.episode.reset({ seed });
  }

  async function step(served: ServedSession, body: Record<string, unknown>) {
    if (!served.episode) throw new HttpError(409, 'NOT_RESET', 'call reset before step');
    const message = objectBody(body.message, 'message');
    if (message.role !== 'assistant')
      throw new HttpError(400, 'INVALID_REQUEST', 'message.role must be "assistant"');
    if (served.episode.done)
      throw new HttpError(409, 'EPISODE_DONE', 'the episode has ended; call reset to start again');
    return served.episode.step({
      role: 'assistant',
      content: typeof message.content === 'string' ? message.content : null,
      ...(Array.isArray(message.tool_calls) ? { tool_calls: message.tool_calls } : {}),
    } as Parameters<Episode['step']>[0]);
  }

  /** The tool's result as JSON text, sent on without a parse and a re-print on the host. */
  async function callTool(served: ServedSession, body: Record<string, unknown>): Promise<JsonText> {
    if (typeof body.name !== 'string' || body.name === '')
      throw new HttpError(400, 'INVALID_REQUEST', 'name must be a non-empty string');
    const args = body.arguments === undefined ? {} : objectBody(body.arguments, 'arguments');
    return new JsonText(await activeWorld(served).callJson(body.name, args));
  }

  let mcp: McpHttpHandler | undefined;
  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError)
        sendJson(res, error.status, { error: { code: error.code, message: error.message } });
      else sendJson(res, 500, { error: { code: 'INTERNAL', message: (error as Error).message } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawPath = (req.url ?? '/').split('?', 1)[0]!;
    const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.replace(/\/+$/, '') : rawPath;
    const method = req.method ?? 'GET';
    if (path === '/health') return sendJson(res, 200, { ok: true, sessions: registry.size });
    if (path === '/openapi.json') return sendJson(res, 200, openApiDocument({ serverUrl: address() }));
    if (options.token && !tokenMatches(options.token, req.headers.authorization)) {
      throw new HttpError(401, 'UNAUTHORIZED', 'missing or wrong bearer token');
    }
    if (path === '/mcp') {
      mcp ??= createMcpHttpHandler({ envs, scenarios, target: options.mcp });
      return mcp.handle(req, res);
    }
    if (method === 'GET' && path === '/envs') {
      return sendJson(res, 200, {
        envs: [...envs.values()].map((e) => ({
          id: e.id,
          topic: e.topic,
          summary: e.summary,
          initialization: e.initialization,
          tools: e.tools,
        })),
      });
    }
    if (method === 'GET' && path === '/scenarios') {
      return sendJson(res, 200, {
        scenarios: [...scenarios.values()].map((s) => ({ id: s.id, envId: s.envId, task: s.task })),
      });
    }
    if (method === 'POST' && path === '/sessions') {
      const served = await openSession(objectBody(await readJsonBody(req, bodyLimit), 'body'));
      let id: string;
      try {
        id = registry.add(served);
      } catch (error) {
        served.world?.dispose();
        throw error;
      }
      return sendJson(res, 201, {
        sessionId: id,
        envId: served.env.id,
        scenarioId: served.scenario?.id,
        tools: served.env.tools,
      });
    }
    const match = /^\/sessions\/([^/]+)(?:\/([a-z]+))?$/.exec(path);
    if (!match) throw new HttpError(404, 'NOT_FOUND', `no route ${method} ${path}`);
    const [, id, action] = match as unknown as [string, string, string | undefined];
    if (action === undefined && method === 'DELETE') {
      if (!(await registry.close(id))) throw new HttpError(404, 'SESSION_NOT_FOUND', `no session ${id}`);
      res.writeHead(204).end();
      return;
    }
    const body = method === 'POST' ? objectBody(await readJsonBody(req, bodyLimit), 'body') : {};
    const route = `${method} ${action ?? ''}`;
    const result = await registry.run(id, async (served) => {
      switch (route) {
        case 'GET tools':
          return { tools: served.env.tools };
        case 'POST call':
          return callTool(served, body);
        case 'GET state':
          return { state: await activeWorld(served).snapshot() };
        case 'GET reward': {
          if (!served.scenario)
            throw new HttpError(
              400,
              'NOT_A_SCENARIO_SESSION',
              'reward needs a session created from a scenarioId',
            );
          return evaluateChecklist({
            env: served.env,
            scenario: served.scenario,
            finalState: await activeWorld(served).snapshot(),
          });
        }
        case 'POST reset':
          return reset(served, body);
        case 'POST step':
          return step(served, body);
        default:
          throw new HttpError(404, 'NOT_FOUND', `no route ${method} ${path}`);
      }
    });
    return sendJson(res, 200, result);
  }

  function address(): string {
    const info = server.address() as AddressInfo | null;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return info ? `http://${shownHost}:${info.port}` : '';
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });

  return {
    url: address(),
    server,
    get sessionCount() {
      return registry.size;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await mcp?.close();
      await registry.closeAll();
    },
  };
}
