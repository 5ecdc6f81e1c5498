// Shared by the `envscaler bench …` command tests: captured stdout, and a loopback OpenAI-compatible
// server that the CLI reaches through OPENAI_BASE_URL exactly as it would reach a real endpoint.
import { afterEach, vi } from 'vitest';
import type { ChatMessage } from '@envscaler/core';
import {
  createMockOpenAIServer,
  type MockOpenAIServer,
  type MockOpenAIServerOptions,
  type MockServerHandler,
} from '@envscaler/testing';

/**
 * Captures process.stdout (and silences stderr) from each `capture()` on; `stdout()` is what was written
 * since. The spies are removed after every test.
 */
export function useCapturedOutput(): { capture: () => void; stdout: () => string } {
  let chunks: string[] = [];
  afterEach(() => vi.restoreAllMocks());
  return {
    capture: () => {
      chunks = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (chunks.push(String(chunk)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    },
    stdout: () => chunks.join(''),
  };
}

/**
 * Runs `fn` with OPENAI_BASE_URL pointing at a fresh loopback mock server (and ENVSCALER_MODEL unset, so
 * only the test's flags choose models); restores the environment and closes the server afterwards.
 */
export async function withMockOpenAIServer<T>(
  options: MockOpenAIServerOptions,
  fn: (server: MockOpenAIServer) => Promise<T>,
): Promise<T> {
  const server = await createMockOpenAIServer(options);
  const saved = { ...process.env };
  try {
    process.env.OPENAI_BASE_URL = server.url;
    process.env.OPENAI_API_KEY = 'test-key';
    delete process.env.ENVSCALER_MODEL;
    return await fn(server);
  } finally {
    process.env = saved;
    await server.close();
  }
}

/** How many assistant turns of a conversation made tool calls: the index of a scripted agent's next gold call. */
export function toolCallTurns(messages: readonly ChatMessage[]): number {
  return messages.filter((m) => m.role === 'assistant' && (m.tool_calls?.length ?? 0) > 0).length;
}

/** A scripted agent that makes `calls` one per turn, in order, and then answers `finalText`. */
export function oneCallPerTurnAgent(options: {
  calls: readonly { name: string; arguments: Record<string, unknown> }[];
  finalText: string;
}): MockServerHandler {
  return (request) => {
    const call = options.calls[toolCallTurns(request.messages)];
    return call ? { toolCalls: [{ name: call.name, arguments: call.arguments }] } : options.finalText;
  };
}
