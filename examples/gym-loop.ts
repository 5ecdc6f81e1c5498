/**
 * Driving an envscaler episode from an external training loop, Gym-style.
 *
 *   pnpm --filter @envscaler/examples gym-loop
 *
 * An RL framework owns the policy and the loop; envscaler owns the world: `reset()` gives the opening
 * messages and the tools, `step(assistantMessage)` executes the message's tool calls in the sandboxed
 * environment and returns the next observation, the reward (0 until the end, then the checklist score)
 * and whether the episode terminated or was truncated. The policy here is scripted, so the example
 * needs no model and no network; swap in your model's sampling.
 */
import type { AssistantMessage, ChatMessage, Scenario } from '@envscaler/core';
import { loadEnvironment } from '@envscaler/runtime';
import { createEpisode, type EpisodeInfo } from '@envscaler/validate';

const source = `import { Environment, type ToolResult } from '@envscaler/core';

export interface State {
  lights: Record<string, boolean>;
}

/** Smart-home lights. */
export class Lights extends Environment<State> {
  /** List every light and whether it is on. */
  listLights(): ToolResult<Record<string, boolean>> {
    return this.ok(this.state.lights);
  }

  /** Switch one light on or off. */
  setLight(args: { room: string; on: boolean }): ToolResult<boolean> {
    if (!(args.room in this.state.lights)) return this.fail('NOT_FOUND', 'no light in ' + args.room);
    this.state.lights[args.room] = args.on;
    return this.ok(args.on);
  }
}
`;

const scenario: Scenario = {
  schemaVersion: 1,
  id: 'lights-1',
  envId: 'lights',
  initialState: { lights: { kitchen: true, hall: true, bedroom: false } },
  task: 'Turn off every light that is on.',
  checklist: [
    {
      id: 'all-off',
      description: 'No light is on',
      source: '(final: Readonly<State>) => Object.values(final.lights).every((on) => !on)',
    },
    {
      id: 'kitchen-was-on',
      description: 'The kitchen light was switched off',
      source: '(final: Readonly<State>, initial: Readonly<State>) => initial.lights.kitchen && !final.lights.kitchen',
    },
  ],
  provenance: { createdAt: '2026-01-01T00:00:00.000Z' },
};

/** A scripted policy: list the lights, switch off the ones that are on, then answer. */
function policy(observation: ChatMessage[], _info: EpisodeInfo): AssistantMessage {
  const last = observation[observation.length - 1]!;
  if (last.role === 'user') {
    return { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'listLights', arguments: '{}' } }] };
  }
  if (last.role === 'tool' && last.tool_call_id === 'c1') {
    const result = JSON.parse(last.content) as { ok: boolean; data: Record<string, boolean> };
    const on = Object.entries(result.data).filter(([, isOn]) => isOn);
    return {
      role: 'assistant',
      content: null,
      tool_calls: on.map(([room], i) => ({
        id: `off${i}`,
        type: 'function' as const,
        function: { name: 'setLight', arguments: JSON.stringify({ room, on: false }) },
      })),
    };
  }
  return { role: 'assistant', content: 'All lights are off.' };
}

const env = await loadEnvironment({ source, id: 'lights' });
const episode = createEpisode({ env, scenario, mode: 'non_conversational', maxSteps: 10 });
try {
  for (let epoch = 0; epoch < 2; epoch++) {
    const { info, observation: first } = await episode.reset({ seed: epoch });
    let observation = first;
    console.log(`episode ${epoch}: ${info.tools.length} tools: ${info.tools.map((t) => t.function.name).join(', ')}`);
    for (;;) {
      const action = policy(observation, info);
      const step = await episode.step(action);
      observation = step.observation;
      if (step.terminated || step.truncated) {
        console.log(`  ended (${step.info.termination}) after ${step.info.step} steps, reward ${step.reward}`);
        break;
      }
    }
  }
} finally {
  await episode.close();
  env.dispose();
}
