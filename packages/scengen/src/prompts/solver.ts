import type { ChatMessage } from '@envscaler/core';
import type { ScenarioEnvironment } from '../types.js';

/**
 * Starts a solver episode: the environment's own introduction and rules as the system prompt, and the
 * task as the user's message. No user is available to answer questions, so the prompt says that the
 * user has confirmed everything and the agent should act with the tools until the task is done.
 */
export function solverMessages(options: {
  env: ScenarioEnvironment;
  task: string;
  knownInfo?: string;
}): ChatMessage[] {
  const rules = options.env.rules.map((r) => `- ${r}`).join('\n');
  const known = options.knownInfo ? `\n\nWhat I can tell you about myself: ${options.knownInfo}` : '';
  return [
    {
      role: 'system',
      content: `${options.env.introduction.trim()}${rules ? `\n\nRules:\n${rules}` : ''}

You are acting autonomously: the user has already given every confirmation the task needs and will not reply. Use the tools to complete the task fully, one step at a time. When the task is done, reply with a short summary and no tool call.`,
    },
    { role: 'user', content: `${options.task}${known}` },
  ];
}
