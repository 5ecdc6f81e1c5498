// Over 400 lines because createEpisode is one state machine (reset, step, user turn, finish) over a dozen
// closure variables (session, messages, usage, step count, end state); splitting it would scatter the
// transitions. The tool call itself is tool-call.ts.
import {
  EnvscalerError,
  modelNameOf,
  type AssistantMessage,
  type CallUsage,
  type ChatFunctionTool,
  type ChatMessage,
  type ChatModel,
  type ChatToolCall,
  type Reward,
  type Scenario,
  type Termination,
  type TokenUsage,
  type ToolResult,
  type ToolSession,
  type ToolSpec,
  type Trajectory,
} from '@envscaler/core';
import type { CheckRunner } from '@envscaler/runtime';
import { evaluateChecklist } from './checklist.js';
import { sessionInitFor, type EpisodeEnvironment } from './environment.js';
import { runToolCall, type ToolCallOutcome } from './tool-call.js';
import { AGENT_GREETING, USER_STOP_MARKER, agentSystemPrompt, userSimulatorPrompt } from './prompts.js';

export type EpisodeMode = 'conversational' | 'non_conversational';

export interface CreateEpisodeOptions {
  env: EpisodeEnvironment;
  scenario: Scenario;
  /** The user simulator (stage 'user-simulator'); required in conversational mode. */
  user?: ChatModel;
  /** Default: 'conversational' when a user model is given, else 'non_conversational'. */
  mode?: EpisodeMode;
  /** Most assistant turns before the episode is truncated with 'max_steps' (default 30). */
  maxSteps?: number;
  /** Most tokens (prompt + completion, agent and user together) before truncation with 'max_tokens'. */
  maxTokens?: number;
  /** Trial number stored in the trajectory (default 0). */
  trial?: number;
  /** Trajectory id (default `<scenarioId>:<trial>`). */
  id?: string;
  /** Check runner for the reward (default: the shared isolated-vm runner). */
  runner?: CheckRunner;
  signal?: AbortSignal;
}

export interface EpisodeInfo {
  /** OpenAI function tools to offer the agent. */
  tools: ChatFunctionTool[];
  /** The agent's system prompt (environment introduction + rules). */
  introduction: string;
}

export interface ResetResult {
  /** The conversation so far, in OpenAI chat format (the agent's next request messages). */
  observation: ChatMessage[];
  info: EpisodeInfo;
}

export interface StepInfo {
  step: number;
  usage: TokenUsage;
  /** Set once the episode has ended. */
  termination?: Termination;
  /** The full reward (per-check results) once the episode has ended. */
  rewardDetail?: Reward;
  /** The tool results of this step, in call order. */
  toolResults: ToolResult[];
  error?: string;
}

export interface StepResult {
  observation: ChatMessage[];
  /** 0 until the episode ends, then the checklist score. */
  reward: number;
  /** The episode ended naturally (agent answered / user stopped). */
  terminated: boolean;
  /** The episode was cut off (step or token cap, or a model/user-simulator error). */
  truncated: boolean;
  info: StepInfo;
}

/** A Gym-style episode: `reset()`, then `step(assistantMessage)` until terminated or truncated. */
export interface Episode {
  reset(options?: { seed?: number }): Promise<ResetResult>;
  /**
   * Applies one assistant message; `usage` (optional) counts the agent's tokens toward `maxTokens`, and is
   * recorded as one agent call of `model` (the name prices are keyed by; default 'unknown').
   */
  step(message: AssistantMessage, options?: { usage?: TokenUsage; model?: string }): Promise<StepResult>;
  /** Ends the episode with termination 'error' (e.g. the agent model failed); returns the last step result. */
  fail(error: unknown): Promise<StepResult>;
  /** True once the episode has ended. */
  readonly done: boolean;
  /** The finished episode as a Trajectory (only after it ended). */
  trajectory(): Trajectory;
  close(): Promise<void>;
}

/** Converts environment tools to OpenAI function tools. */
export function toChatTools(tools: readonly ToolSpec[]): ChatFunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

function addUsage(into: TokenUsage, usage: TokenUsage | undefined): void {
  if (!usage) return;
  into.promptTokens += usage.promptTokens;
  into.completionTokens += usage.completionTokens;
}

/**
 * Makes `info.toolResults` the outcomes' results, parsed from their JSON text when first read: a rollout
 * only sends the text on (in the tool messages) and never reads them.
 */
function withToolResults(info: StepInfo, outcomes: readonly ToolCallOutcome[]): StepInfo {
  let results: ToolResult[] | undefined;
  Object.defineProperty(info, 'toolResults', {
    get: () => (results ??= outcomes.map((o) => o.result)),
    set: (value: ToolResult[]) => {
      results = value;
    },
    enumerable: true,
    configurable: true,
  });
  return info;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Creates a Gym-style episode over a fresh session of `env` started from the scenario's initial state.
 * Semantics (shared with `runEpisode`): see docs/rollouts.md.
 */
export function createEpisode(options: CreateEpisodeOptions): Episode {
  const { env, scenario } = options;
  const mode: EpisodeMode = options.mode ?? (options.user ? 'conversational' : 'non_conversational');
  if (mode === 'conversational' && !options.user) {
    throw new EnvscalerError('INVALID_INPUT', 'conversational episodes need a user simulator model (`user`)');
  }
  const maxSteps = options.maxSteps ?? 30;
  const maxTokens = options.maxTokens ?? Number.POSITIVE_INFINITY;
  const trial = options.trial ?? 0;
  const tools = toChatTools(env.tools);
  const toolNames = new Set(env.tools.map((t) => t.name));
  const systemPrompt = agentSystemPrompt({ env });
  const userSystemPrompt = mode === 'conversational' ? userSimulatorPrompt({ scenario }) : '';

  let session: ToolSession | undefined;
  let initialState: unknown;
  let messages: ChatMessage[] = [];
  let usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  let calls: Omit<CallUsage, 'cached'>[] = [];
  let steps = 0;
  let seed: number | undefined;
  let startedAt = new Date();
  let started = 0;
  let ended:
    | { termination: Termination; finalState: unknown; reward: Reward; error?: string; durationMs: number }
    | undefined;
  let lastResult: StepResult | undefined;

  const info = (): EpisodeInfo => ({ tools, introduction: systemPrompt });

  /** The user simulator's view: agent text turns as 'user', its own turns as 'assistant'; tools hidden. */
  function simulatorMessages(): ChatMessage[] {
    const out: ChatMessage[] = [
      { role: 'system', content: userSystemPrompt },
      { role: 'user', content: AGENT_GREETING },
    ];
    for (const m of messages) {
      if (m.role === 'user') out.push({ role: 'assistant', content: m.content });
      else if (m.role === 'assistant' && m.content && !(m.tool_calls && m.tool_calls.length > 0)) {
        out.push({ role: 'user', content: m.content });
      }
    }
    return out;
  }

  /** Asks the simulator for the next user turn; returns whether the user ended the conversation. */
  async function userTurn(): Promise<{ stop: boolean }> {
    const response = await options.user!.complete({
      stage: 'user-simulator',
      messages: simulatorMessages(),
      seed,
      signal: options.signal,
    });
    addUsage(usage, response.usage);
    recordCall('user-simulator', modelNameOf(options.user, 'user-simulator', response.model), response.usage);
    const text = response.message.content ?? '';
    const stop = text.includes(USER_STOP_MARKER);
    const content = stop ? text.split(USER_STOP_MARKER).join('').trim() : text;
    if (!stop || content !== '') messages.push({ role: 'user', content });
    return { stop };
  }

  async function finish(termination: Termination, error?: string): Promise<StepResult> {
    const finalState = session ? await session.snapshot() : initialState;
    const reward = await evaluateChecklist({ scenario, initialState, finalState, runner: options.runner });
    ended = { termination, finalState, reward, error, durationMs: Date.now() - started };
    const natural = termination === 'agent_done' || termination === 'user_stop';
    lastResult = {
      observation: [...messages],
      reward: reward.score,
      terminated: natural,
      truncated: !natural,
      info: { step: steps, usage: { ...usage }, termination, rewardDetail: reward, toolResults: [], error },
    };
    return lastResult;
  }

  function recordCall(stage: string, model: string, callUsage: TokenUsage | undefined): void {
    if (!callUsage) return;
    calls.push({
      stage,
      model,
      promptTokens: callUsage.promptTokens,
      completionTokens: callUsage.completionTokens,
      ...(callUsage.cachedPromptTokens ? { cachedPromptTokens: callUsage.cachedPromptTokens } : {}),
    });
  }

  function capReached(): Termination | undefined {
    if (steps >= maxSteps) return 'max_steps';
    if (usage.promptTokens + usage.completionTokens >= maxTokens) return 'max_tokens';
    return undefined;
  }

  async function execute(call: ChatToolCall): Promise<ToolCallOutcome> {
    return runToolCall({ session: session!, call, toolNames });
  }

  let busy = false;
  /** One reset/step at a time: a second call while one is running is a caller bug, not a queue. */
  async function exclusive<T>(run: () => Promise<T>): Promise<T> {
    if (busy)
      throw new EnvscalerError(
        'INVALID_INPUT',
        'reset()/step() called while the previous call is still running',
      );
    busy = true;
    try {
      return await run();
    } finally {
      busy = false;
    }
  }

  async function doReset(resetOptions: { seed?: number }): Promise<ResetResult> {
    if (session) await session.dispose();
    seed = resetOptions.seed;
    ended = undefined;
    lastResult = undefined;
    steps = 0;
    usage = { promptTokens: 0, completionTokens: 0 };
    calls = [];
    startedAt = new Date();
    started = Date.now();
    session = await env.createSession(sessionInitFor(scenario));
    initialState = await session.snapshot();
    messages = [{ role: 'system', content: systemPrompt }];
    if (mode === 'non_conversational') {
      messages.push({ role: 'user', content: scenario.task });
    } else {
      try {
        const { stop } = await userTurn();
        if (stop) await finish('user_stop');
      } catch (error) {
        await finish('error', `user simulator failed: ${errorMessage(error)}`);
      }
    }
    return { observation: [...messages], info: info() };
  }

  async function doStep(
    message: AssistantMessage,
    stepOptions: { usage?: TokenUsage; model?: string },
  ): Promise<StepResult> {
    if (!session) throw new EnvscalerError('INVALID_INPUT', 'call reset() before step()');
    if (ended)
      throw new EnvscalerError('INVALID_INPUT', 'the episode has ended; call reset() to start again');
    if (message?.role !== 'assistant') {
      throw new EnvscalerError(
        'INVALID_INPUT',
        "step() takes an assistant message ({ role: 'assistant', ... })",
      );
    }
    steps++;
    addUsage(usage, stepOptions.usage);
    recordCall('agent', stepOptions.model ?? 'unknown', stepOptions.usage);
    const calls = (message.tool_calls ?? []).map((call, i) => ({
      ...call,
      id: call.id || `call_${steps}_${i}`,
      type: 'function' as const,
    }));
    const assistant: AssistantMessage = { role: 'assistant', content: message.content ?? null };
    if (calls.length > 0) assistant.tool_calls = calls;
    messages.push(assistant);

    const outcomes: ToolCallOutcome[] = [];
    if (calls.length > 0) {
      for (const call of calls) {
        const outcome = await execute(call);
        outcomes.push(outcome);
        // the session's JSON text as it is (a sandboxed tool's, printed in the sandbox)
        messages.push({
          role: 'tool',
          tool_call_id: call.id,
          name: call.function?.name ?? '',
          content: outcome.content,
        });
      }
    } else if (mode === 'non_conversational') {
      return finish('agent_done');
    } else {
      const cap = capReached();
      if (cap) return finish(cap);
      try {
        const { stop } = await userTurn();
        if (stop) return finish('user_stop');
      } catch (error) {
        return finish('error', `user simulator failed: ${errorMessage(error)}`);
      }
    }
    const cap = capReached();
    if (cap) {
      const result = await finish(cap);
      withToolResults(result.info, outcomes);
      return result;
    }
    lastResult = {
      observation: [...messages],
      reward: 0,
      terminated: false,
      truncated: false,
      info: withToolResults({ step: steps, usage: { ...usage }, toolResults: [] }, outcomes),
    };
    return lastResult;
  }

  const episode: Episode = {
    get done() {
      return ended !== undefined;
    },

    async reset(resetOptions = {}) {
      return exclusive(() => doReset(resetOptions));
    },

    async step(message, stepOptions = {}) {
      return exclusive(() => doStep(message, stepOptions));
    },

    async fail(error) {
      if (!session) throw new EnvscalerError('INVALID_INPUT', 'call reset() before fail()');
      if (ended) return lastResult!;
      return finish('error', errorMessage(error));
    },

    trajectory() {
      if (!ended) throw new EnvscalerError('INVALID_INPUT', 'the episode has not ended yet');
      const trajectory: Trajectory = {
        schemaVersion: 1,
        id: options.id ?? `${scenario.id}:${trial}`,
        scenarioId: scenario.id,
        envId: scenario.envId,
        trial,
        mode,
        messages: [...messages],
        finalState: ended.finalState,
        termination: ended.termination,
        reward: ended.reward,
        usage: { ...usage },
        ...(calls.length > 0 ? { calls: [...calls] } : {}),
        durationMs: ended.durationMs,
        startedAt: startedAt.toISOString(),
      };
      if (ended.error !== undefined) trajectory.error = ended.error;
      return trajectory;
    },

    async close() {
      const s = session;
      session = undefined;
      if (s) await s.dispose();
    },
  };
  return episode;
}

export interface RunEpisodeOptions extends CreateEpisodeOptions {
  /** The agent under test (stage 'agent'). */
  agent: ChatModel;
  /** Passed to reset() and to every model request. */
  seed?: number;
  /** Optional sampling settings for the agent's requests. */
  temperature?: number;
}

/**
 * Runs one episode to the end with `agent` (and `user` in conversational mode) and returns the
 * trajectory with its reward. A model failure ends the episode with termination 'error' and the error
 * message; the trajectory is still returned.
 */
export async function runEpisode(options: RunEpisodeOptions): Promise<Trajectory> {
  const episode = createEpisode(options);
  try {
    const reset = await episode.reset({ seed: options.seed });
    const info = reset.info;
    let observation = reset.observation;
    while (!episode.done) {
      let response;
      try {
        response = await options.agent.complete({
          stage: 'agent',
          messages: observation,
          tools: info.tools,
          toolChoice: 'auto',
          seed: options.seed,
          temperature: options.temperature,
          signal: options.signal,
        });
      } catch (error) {
        await episode.fail(error);
        break;
      }
      const result = await episode.step(response.message, {
        usage: response.usage,
        model: modelNameOf(options.agent, 'agent', response.model),
      });
      observation = result.observation;
    }
    return episode.trajectory();
  } finally {
    await episode.close();
  }
}
