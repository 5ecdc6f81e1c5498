import type { Scenario } from '@envscaler/core';
import type { EpisodeEnvironment } from './environment.js';

/** The marker a simulated user writes to end a conversational episode. */
export const USER_STOP_MARKER = '###STOP###';

/** The agent's opening line as the user simulator sees it (not part of the agent's transcript). */
export const AGENT_GREETING = 'Hi! How can I help you today?';

/** System prompt of the agent: the environment's introduction followed by its rules. */
export function agentSystemPrompt(options: { env: Pick<EpisodeEnvironment, 'introduction' | 'rules'> }): string {
  const { introduction, rules } = options.env;
  if (rules.length === 0) return introduction.trim();
  return `${introduction.trim()}\n\n## Rules\n${rules.map((rule) => `- ${rule}`).join('\n')}`;
}

/**
 * System prompt of the user simulator. It plays `scenario.user` (persona, what the user knows and does
 * not know) pursuing `scenario.task`, reveals only known information when asked, and ends with the
 * stop marker.
 */
export function userSimulatorPrompt(options: { scenario: Pick<Scenario, 'task' | 'user'> }): string {
  const user = options.scenario.user;
  const sections = [
    'You are simulating a user who is chatting with a customer-service AI agent. Stay in character as the user; ' +
      'never act as the agent.',
    `## Persona\n${user?.persona?.trim() || 'An ordinary customer.'}`,
    `## Your goal\n${options.scenario.task.trim()}`,
    `## What you know\n${user?.knownInfo?.trim() || 'Only what your goal says.'}`,
  ];
  if (user?.unknownInfo?.trim()) sections.push(`## What you do not know\n${user.unknownInfo.trim()}`);
  sections.push(
    [
      '## How to behave',
      '- Write only your next message to the agent, in the first person, briefly and naturally.',
      '- Do not reveal everything at once: give a piece of information only when the agent asks for it.',
      '- Only give information listed under "What you know". Never invent names, ids, numbers or other details; ' +
        'if asked for something you do not know, say you do not know it.',
      '- Do not tell the agent which tools to use or how to do its job.',
      `- When your goal is achieved, or the agent clearly cannot help further, end the conversation by replying with ${USER_STOP_MARKER} ` +
        '(alone, or after a short closing sentence).',
    ].join('\n'),
  );
  return sections.join('\n\n');
}
