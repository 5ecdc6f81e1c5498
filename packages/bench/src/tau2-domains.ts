/**
 * The domains the τ-bench-style harness (tau2.ts) runs: what differs between τ²-bench retail and
 * τ-bench airline is data, environment, digest, and a few protocol rules; the conversation loop,
 * reward and pass^k are shared.
 */
import { EnvscalerError } from '@envscaler/core';
import {
  canonicalDigest as airlineDigest,
  readTauAirlineData,
  tauAirlineDataDir,
  tauAirlineEnvironmentDir,
  type TauAirlineTask,
} from '@envscaler/env-tau-airline';
import {
  canonicalDigest as retailDigest,
  readTau2Data,
  tau2DataDir,
  tau2EnvironmentDir,
  type Tau2Data,
  type Tau2Task,
} from '@envscaler/env-tau2-retail';

export type Tau2DomainName = 'retail' | 'airline';
/** The `benchmark` field of a domain's results and summary. */
export type Tau2BenchmarkId = 'tau2-retail' | 'tau-airline';

/** What the harness needs of a domain's data: tasks (in τ²-bench's task shape), splits, policy, world. */
export type Tau2BenchData = Pick<Tau2Data, 'dataDir' | 'tasks' | 'splits' | 'policy' | 'db'>;

export interface Tau2Domain {
  name: Tau2DomainName;
  benchmark: Tau2BenchmarkId;
  /** For reports, e.g. 'τ²-bench retail'. */
  title: string;
  /** Whom the agent works for, in the prompts: 'an online retail store', 'an airline'. */
  business: string;
  /** The environment shipped in the domain's package (`loadEnvironment({ dir })`). */
  environmentDir: string;
  /** The data shipped in the domain's package. */
  dataDir: string;
  readData(options?: { dataDir?: string }): Promise<Tau2BenchData>;
  /** Digest of a world; two worlds match when their digests are equal. */
  digest(world: unknown): string;
  /** A user message containing one of these ends the conversation. */
  userStopTokens: readonly string[];
  /** An agent message containing this ends the conversation (none: the agent cannot end it). */
  agentStopToken?: string;
  /** Calling one of these tools ends the conversation after the call (τ-bench's terminate tools). */
  terminateTools: readonly string[];
  /** Messages per conversation before it is cut off (none: no cap). */
  maxSteps?: number;
  /** Failed tool calls per conversation before it is cut off (none: no cap). */
  maxErrors?: number;
  /** Agent turns (replies or tool-call messages) per conversation before it is cut off (none: no cap). */
  maxAgentSteps?: number;
  /** Only the first tool call of an agent message is run and kept (τ-bench's tool-calling agent). */
  oneToolCallPerMessage: boolean;
  /** The communicate check reads only the agent's replies to the user (not the greeting, not text beside tool calls). */
  communicateFromRepliesOnly: boolean;
}

/** A τ-bench airline task in τ²-bench's task shape: its outputs are what must be communicated. */
export function tauAirlineTaskAsTau2(task: TauAirlineTask): Tau2Task {
  return {
    id: task.id,
    user_scenario: { instructions: task.instruction },
    evaluation_criteria: {
      actions: task.actions.map((action) => ({ name: action.name, arguments: action.kwargs })),
      communicate_info: task.outputs,
      reward_basis: ['DB', 'COMMUNICATE'],
    },
  };
}

const RETAIL: Tau2Domain = {
  name: 'retail',
  benchmark: 'tau2-retail',
  title: 'τ²-bench retail',
  business: 'an online retail store',
  environmentDir: tau2EnvironmentDir,
  dataDir: tau2DataDir,
  readData: (options = {}) => readTau2Data({ dataDir: options.dataDir }),
  digest: retailDigest,
  userStopTokens: ['###STOP###', '###TRANSFER###', '###OUT-OF-SCOPE###'],
  agentStopToken: '###STOP###',
  terminateTools: [],
  maxSteps: 200,
  maxErrors: 10,
  oneToolCallPerMessage: false,
  communicateFromRepliesOnly: false,
};

const AIRLINE: Tau2Domain = {
  name: 'airline',
  benchmark: 'tau-airline',
  title: 'τ-bench airline',
  business: 'an airline',
  environmentDir: tauAirlineEnvironmentDir,
  dataDir: tauAirlineDataDir,
  readData: async (options = {}) => {
    const data = await readTauAirlineData({ dataDir: options.dataDir });
    return {
      dataDir: data.dataDir,
      tasks: data.tasks.map(tauAirlineTaskAsTau2),
      splits: data.splits,
      policy: data.policy,
      db: data.db,
    };
  },
  digest: airlineDigest,
  // τ-bench (v1): the user ends with ###STOP###, transfer_to_human_agents ends the episode, the agent
  // has 30 steps (one tool call or one reply each), and outputs are looked for in its replies.
  userStopTokens: ['###STOP###'],
  terminateTools: ['transfer_to_human_agents'],
  maxAgentSteps: 30,
  oneToolCallPerMessage: true,
  communicateFromRepliesOnly: true,
};

export const TAU2_DOMAINS: Readonly<Record<Tau2DomainName, Tau2Domain>> = {
  retail: RETAIL,
  airline: AIRLINE,
};

/** The domain called `name` (INVALID_INPUT for an unknown one). */
export function tau2Domain(name: string | Tau2Domain = 'retail'): Tau2Domain {
  if (typeof name !== 'string') return name;
  const domain = Object.prototype.hasOwnProperty.call(TAU2_DOMAINS, name)
    ? TAU2_DOMAINS[name as Tau2DomainName]
    : undefined;
  if (domain === undefined) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `unknown τ-bench domain '${name}' (known: ${Object.keys(TAU2_DOMAINS).join(', ')})`,
    );
  }
  return domain;
}
