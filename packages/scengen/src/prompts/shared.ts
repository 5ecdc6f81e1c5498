import type { ScenarioEnvironment } from '../types.js';

/** Compact JSON, truncated when long so prompts stay bounded; the model is told the text was cut. */
export function boundedJson(value: unknown, maxChars = 40_000): string {
  const text = JSON.stringify(value);
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}\n… (truncated)`;
}

/** The environment as every prompt shows it: purpose, rules and tools (name, kind, description, parameters). */
export function describeEnvironment(env: ScenarioEnvironment): string {
  const rules = env.rules.length > 0 ? env.rules.map((r) => `- ${r}`).join('\n') : '- (none)';
  const tools = env.tools
    .map((t) => `- ${t.name} [${t.kind}]: ${t.description}\n  parameters: ${JSON.stringify(t.parameters)}`)
    .join('\n');
  return `Environment "${env.id}".\n\n${env.introduction.trim()}\n\nRules:\n${rules}\n\nTools:\n${tools}`;
}

export const JSON_ONLY = 'Reply with one JSON object only: no prose, no Markdown fences.';
