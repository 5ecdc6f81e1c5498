import type { Tau2Task } from './tau2-data.js';
import { tau2Domain, type Tau2Domain, type Tau2DomainName } from './tau2-domains.js';

/** The agent's first message, as τ²-bench opens every conversation. */
export const TAU2_GREETING = 'Hi! How can I help you today?';

/** The agent's system prompt: how to behave, then the domain policy. */
export function tau2AgentSystemPrompt(
  policy: string,
  domain: Tau2DomainName | Tau2Domain = 'retail',
): string {
  const { business, oneToolCallPerMessage } = tau2Domain(domain);
  const calls = oneToolCallPerMessage
    ? 'one tool call (only the first call of a reply is run)'
    : 'one or more tool calls';
  return [
    `You are a customer service agent of ${business}. Help the user with their request while following the policy below exactly.`,
    `Each reply is either a message to the user or ${calls}, never both. Only act on information you got from the user or from tools.`,
    '',
    '<policy>',
    policy.trim(),
    '</policy>',
  ].join('\n');
}

/** The simulated user's system prompt, built from the task's `user_scenario`. */
export function tau2UserSystemPrompt(
  task: Pick<Tau2Task, 'user_scenario'>,
  domainName: Tau2DomainName | Tau2Domain = 'retail',
): string {
  const domain = tau2Domain(domainName);
  const scenario = task.user_scenario;
  const ins = scenario.instructions;
  const parts: string[] = [
    `You are playing a customer who contacts the customer service agent of ${domain.business}. Stay in your role: you are the customer, never the agent.`,
  ];
  if (scenario.persona) parts.push(`## Persona\n${scenario.persona}`);
  if (typeof ins === 'string') parts.push(`## Your situation\n${ins}`);
  else {
    if (ins.reason_for_call) parts.push(`## Why you are contacting the store\n${ins.reason_for_call}`);
    if (ins.known_info) parts.push(`## What you know\n${ins.known_info}`);
    if (ins.unknown_info) parts.push(`## What you do not know\n${ins.unknown_info}`);
    if (ins.task_instructions) parts.push(`## How you behave\n${ins.task_instructions}`);
  }
  parts.push(
    [
      '## Rules',
      '- Write only your next message to the agent, briefly, in the first person.',
      '- Reveal information gradually, only when the agent needs it. Never invent details you were not given; if asked for something you do not know, say so.',
      '- Do not tell the agent how to do its job or which tools to use.',
      `- When your request is fully handled, end the conversation by writing ${domain.userStopTokens[0]}.`,
      ...(domain.userStopTokens.length >= 3
        ? [
            `- If you are transferred to a human agent, write ${domain.userStopTokens[1]}. If the conversation goes outside what your instructions cover, write ${domain.userStopTokens[2]}.`,
          ]
        : []),
    ].join('\n'),
  );
  return parts.join('\n\n');
}
