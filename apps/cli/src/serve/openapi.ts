/** The OpenAPI 3.1 description served at /openapi.json; kept beside the routes it documents. */
export function openApiDocument(options: { serverUrl: string }): Record<string, unknown> {
  const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } });
  const error = { $ref: '#/components/schemas/Error' };
  const errors = {
    '400': { description: 'invalid request', ...json(error) },
    '401': { description: 'missing or wrong bearer token', ...json(error) },
    '404': { description: 'unknown session, environment or scenario', ...json(error) },
    '413': { description: 'body too large', ...json(error) },
  };
  const sessionId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'envscaler environment server',
      version: '1',
      description:
        'Isolated worlds of envscaler environments over HTTP. Every session is its own copy of the world; calls on one session run in order, sessions run concurrently.',
    },
    servers: [{ url: options.serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        ToolResult: {
          oneOf: [
            { type: 'object', required: ['ok', 'data'], properties: { ok: { const: true }, data: {} } },
            {
              type: 'object',
              required: ['ok', 'error'],
              properties: {
                ok: { const: false },
                error: {
                  type: 'object',
                  properties: { code: { type: 'string' }, message: { type: 'string' } },
                },
              },
            },
          ],
        },
        ToolSpec: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            description: { type: 'string' },
            parameters: { type: 'object' },
            kind: { enum: ['query', 'mutation'] },
          },
        },
        CreateSession: {
          type: 'object',
          description:
            'Exactly one of scenarioId, initialState or config; envId is needed unless scenarioId is given.',
          properties: {
            envId: { type: 'string' },
            scenarioId: { type: 'string' },
            initialState: {},
            config: {},
            mode: { enum: ['conversational', 'non_conversational'] },
          },
        },
        ChatMessage: {
          type: 'object',
          required: ['role'],
          properties: { role: { enum: ['system', 'user', 'assistant', 'tool'] } },
        },
      },
    },
    paths: {
      '/health': { get: { summary: 'liveness', security: [], responses: { '200': { description: 'ok' } } } },
      '/openapi.json': {
        get: { summary: 'this document', security: [], responses: { '200': { description: 'OpenAPI 3.1' } } },
      },
      '/envs': {
        get: {
          summary: 'loaded environments and their tools',
          responses: { '200': { description: 'environments' }, ...errors },
        },
      },
      '/scenarios': {
        get: {
          summary: 'loaded scenarios (id, envId, task)',
          responses: { '200': { description: 'scenarios' }, ...errors },
        },
      },
      '/sessions': {
        post: {
          summary: 'create a session: a private world from a scenario, an initial state or a config',
          requestBody: json({ $ref: '#/components/schemas/CreateSession' }),
          responses: {
            '201': { description: '{ sessionId, envId, tools }' },
            '429': { description: 'session cap reached', ...json(error) },
            ...errors,
          },
        },
      },
      '/sessions/{id}': {
        delete: {
          summary: 'close the session',
          parameters: [sessionId],
          responses: { '204': { description: 'closed' }, ...errors },
        },
      },
      '/sessions/{id}/tools': {
        get: {
          summary: 'tools of the session',
          parameters: [sessionId],
          responses: { '200': { description: 'ToolSpec[]' }, ...errors },
        },
      },
      '/sessions/{id}/call': {
        post: {
          summary: 'call a tool; tool failures are results with ok=false, not HTTP errors',
          parameters: [sessionId],
          requestBody: json({
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, arguments: { type: 'object' } },
          }),
          responses: {
            '200': { description: 'ToolResult', ...json({ $ref: '#/components/schemas/ToolResult' }) },
            ...errors,
          },
        },
      },
      '/sessions/{id}/state': {
        get: {
          summary: 'snapshot of the world as JSON',
          parameters: [sessionId],
          responses: { '200': { description: 'state' }, ...errors },
        },
      },
      '/sessions/{id}/reward': {
        get: {
          summary: "the scenario's checklist evaluated on the current state",
          parameters: [sessionId],
          responses: { '200': { description: 'Reward' }, ...errors },
        },
      },
      '/sessions/{id}/reset': {
        post: {
          summary: 'Gym-style reset for a scenario session: { observation, info: { tools, introduction } }',
          parameters: [sessionId],
          requestBody: json({ type: 'object', properties: { seed: { type: 'integer' } } }),
          responses: { '200': { description: 'reset result' }, ...errors },
        },
      },
      '/sessions/{id}/step': {
        post: {
          summary:
            'Gym-style step with the agent message: { observation, reward, terminated, truncated, info }',
          parameters: [sessionId],
          requestBody: json({
            type: 'object',
            required: ['message'],
            properties: { message: { $ref: '#/components/schemas/ChatMessage' } },
          }),
          responses: { '200': { description: 'step result' }, ...errors },
        },
      },
      '/mcp': {
        post: {
          summary: 'MCP streamable HTTP endpoint (one world per MCP session)',
          responses: { '200': { description: 'JSON-RPC' } },
        },
      },
    },
  };
}
