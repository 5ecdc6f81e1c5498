import {
  EnvscalerError,
  type ChatFunctionTool,
  type ChatMessage,
  type Scenario,
  type ToolSpec,
  type Trajectory,
} from '@envscaler/core';
import { sha256Hex } from '@envscaler/core/node';
import { envById, type EnvCollection } from './environment.js';
import { toChatTools } from './episode.js';
import { agentSystemPrompt } from './prompts.js';

export type SftFormat = 'openai' | 'sharegpt' | 'alpaca';

/** What an export needs to know of an environment (EnvironmentPackage and LoadedEnvironment both fit). */
export interface ExportEnvironment {
  id: string;
  tools: readonly ToolSpec[];
  introduction?: string;
  rules?: readonly string[];
  className?: string;
  source?: string;
}

export interface ExportSftOptions {
  trajectories: readonly Trajectory[];
  format: SftFormat;
  /** Keep trajectories whose reward score is at least this (default 1: only fully solved episodes). */
  minReward?: number;
  /** To attach each trajectory's tool definitions (openai `tools`, sharegpt `tools`). */
  envs?: EnvCollection<ExportEnvironment>;
}

export interface OpenAiSftRecord {
  messages: ChatMessage[];
  tools?: ChatFunctionTool[];
}

export type ShareGptRole = 'human' | 'gpt' | 'function_call' | 'observation' | 'system';

export interface ShareGptRecord {
  conversations: { from: ShareGptRole; value: string }[];
  system?: string;
  /** JSON text of the tool definitions, as LlamaFactory reads it. */
  tools?: string;
}

export interface AlpacaRecord {
  instruction: string;
  input: string;
  output: string;
  system?: string;
  /** Earlier [instruction, response] turns (LlamaFactory's alpaca `history`). */
  history?: [string, string][];
}

export type SftRecord = OpenAiSftRecord | ShareGptRecord | AlpacaRecord;

/** Messages up to and including the last assistant message (training targets end on the assistant). */
function trimToLastAssistant(messages: readonly ChatMessage[]): ChatMessage[] {
  let last = messages.length - 1;
  while (last >= 0 && messages[last]!.role !== 'assistant') last--;
  return messages.slice(0, last + 1);
}

function toolsFor(options: ExportSftOptions, t: Trajectory): readonly ToolSpec[] | undefined {
  return options.envs ? envById(options.envs, t.envId)?.tools : undefined;
}

function toOpenAi(t: Trajectory, tools: readonly ToolSpec[] | undefined): OpenAiSftRecord | undefined {
  const messages = trimToLastAssistant(t.messages).map((m): ChatMessage => {
    if (m.role === 'assistant') {
      const out: ChatMessage = { role: 'assistant', content: m.content };
      if (m.tool_calls && m.tool_calls.length > 0) out.tool_calls = m.tool_calls;
      return out;
    }
    if (m.role === 'tool') return { role: 'tool', tool_call_id: m.tool_call_id, content: m.content };
    return { role: m.role, content: m.content };
  });
  if (messages.length === 0) return undefined;
  const record: OpenAiSftRecord = { messages };
  if (tools) record.tools = toChatTools(tools);
  return record;
}

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * LlamaFactory's ShareGPT layout: `system` apart, then turns alternating between the prompt side
 * (human / observation) and the model side (gpt / function_call), starting with human and ending with gpt.
 * Parallel tool calls become one function_call whose value is a JSON array of {name, arguments}; their
 * results one observation (a JSON array when there are several). Text an assistant wrote alongside tool
 * calls is dropped (the format has no place for it). Returns undefined when the turns cannot alternate.
 */
function toShareGpt(t: Trajectory, tools: readonly ToolSpec[] | undefined): ShareGptRecord | undefined {
  const messages = trimToLastAssistant(t.messages);
  const conversations: ShareGptRecord['conversations'] = [];
  let system: string | undefined;
  let observations: string[] = [];
  const flush = () => {
    if (observations.length === 0) return;
    conversations.push({ from: 'observation', value: observations.length === 1 ? observations[0]! : JSON.stringify(observations.map(parseArguments)) });
    observations = [];
  };
  for (const m of messages) {
    if (m.role === 'system') {
      system = system === undefined ? m.content : `${system}\n\n${m.content}`;
      continue;
    }
    if (m.role === 'tool') {
      observations.push(m.content);
      continue;
    }
    flush();
    if (m.role === 'user') conversations.push({ from: 'human', value: m.content });
    else if (m.tool_calls && m.tool_calls.length > 0) {
      const calls = m.tool_calls.map((c) => ({ name: c.function.name, arguments: parseArguments(c.function.arguments) }));
      conversations.push({ from: 'function_call', value: JSON.stringify(calls.length === 1 ? calls[0] : calls) });
    } else conversations.push({ from: 'gpt', value: m.content ?? '' });
  }
  flush();
  const promptSide = new Set<ShareGptRole>(['human', 'observation']);
  const ok =
    conversations.length >= 2 &&
    conversations[0]!.from === 'human' &&
    conversations[conversations.length - 1]!.from === 'gpt' &&
    conversations.every((c, i) => promptSide.has(c.from) === (i % 2 === 0));
  if (!ok) return undefined;
  const record: ShareGptRecord = { conversations };
  if (system !== undefined) record.system = system;
  if (tools) record.tools = JSON.stringify(tools.map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.parameters })));
  return record;
}

/**
 * Alpaca has no tool-call structure, so each agent turn (everything the agent did between two user
 * messages) is rendered as text in a ReAct-like form — `Action: <tool>`, `Action Input: <json>`,
 * `Observation: <result>` — followed by its final answer. The last turn is instruction/output, earlier
 * turns go to `history`.
 */
function toAlpaca(t: Trajectory): AlpacaRecord | undefined {
  const messages = trimToLastAssistant(t.messages);
  let system: string | undefined;
  const turns: [string, string][] = [];
  let prompt: string | undefined;
  let response: string[] = [];
  const close = () => {
    if (prompt !== undefined && response.length > 0) turns.push([prompt, response.join('\n')]);
    response = [];
  };
  for (const m of messages) {
    if (m.role === 'system') system = m.content;
    else if (m.role === 'user') {
      close();
      prompt = m.content;
    } else if (m.role === 'assistant') {
      if (m.content) response.push(m.content);
      for (const call of m.tool_calls ?? []) {
        response.push(`Action: ${call.function.name}\nAction Input: ${call.function.arguments}`);
      }
    } else response.push(`Observation: ${m.content}`);
  }
  close();
  const last = turns.pop();
  if (!last) return undefined;
  const record: AlpacaRecord = { instruction: last[0], input: '', output: last[1] };
  if (system !== undefined) record.system = system;
  if (turns.length > 0) record.history = turns;
  return record;
}

/**
 * Turns trajectories into supervised fine-tuning records (one JSON object per line when written):
 * OpenAI chat fine-tuning (`{"messages":[...],"tools":[...]}`), ShareGPT or Alpaca as LlamaFactory reads
 * them. Keeps trajectories with reward score ≥ `minReward` (default 1) and never ones that ended with an
 * error; conversations are cut after the last assistant message.
 */
export function exportSft(options: ExportSftOptions): SftRecord[] {
  const minReward = options.minReward ?? 1;
  const out: SftRecord[] = [];
  for (const t of options.trajectories) {
    if (t.termination === 'error') continue;
    if ((t.reward?.score ?? Number.NEGATIVE_INFINITY) < minReward) continue;
    const tools = toolsFor(options, t);
    const record =
      options.format === 'openai' ? toOpenAi(t, tools) : options.format === 'sharegpt' ? toShareGpt(t, tools) : toAlpaca(t);
    if (record) out.push(record);
  }
  return out;
}

export interface RlRecord {
  schemaVersion: 1;
  scenarioId: string;
  envId: string;
  /** How to load the environment: its id, class, and the sha256 of its source when known. */
  env: { id: string; className?: string; sourceSha256?: string };
  /** The opening messages createEpisode would produce (system prompt; plus the task in non-conversational mode). */
  prompt: ChatMessage[];
  tools: ChatFunctionTool[];
  /** The whole scenario (initial state or config, task, user profile, checklist) for reward computation. */
  scenario: Scenario;
}

/**
 * One record per scenario for an RL trainer: the scenario with a reference to its environment, the
 * agent's tools and its opening prompt. The trainer drives episodes with `createEpisode`.
 */
export function exportRl(options: {
  scenarios: readonly Scenario[];
  envs: EnvCollection<ExportEnvironment>;
  mode?: 'conversational' | 'non_conversational';
}): RlRecord[] {
  return options.scenarios.map((scenario) => {
    const env = envById(options.envs, scenario.envId);
    if (!env) throw new EnvscalerError('NOT_FOUND', `scenario '${scenario.id}' needs environment '${scenario.envId}', which was not given`);
    const prompt: ChatMessage[] = [
      { role: 'system', content: agentSystemPrompt({ env: { introduction: env.introduction ?? '', rules: env.rules ?? [] } }) },
    ];
    if ((options.mode ?? 'non_conversational') === 'non_conversational') prompt.push({ role: 'user', content: scenario.task });
    const ref: RlRecord['env'] = { id: env.id };
    if (env.className) ref.className = env.className;
    if (env.source) ref.sourceSha256 = sha256Hex(env.source);
    return { schemaVersion: 1, scenarioId: scenario.id, envId: scenario.envId, env: ref, prompt, tools: toChatTools(env.tools), scenario };
  });
}

/** Records as JSON Lines text. */
export function toJsonl(records: readonly unknown[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}
