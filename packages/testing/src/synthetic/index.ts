/**
 * `@envscaler/testing/synthetic`: a deterministic, seeded ChatModel that answers every pipeline stage
 * for any topic, with configurable faults, and an OpenAI-compatible loopback server in front of it.
 * For load runs and end-to-end tests; nothing uses it unless asked to.
 */
export {
  createSyntheticChatModel,
  type SyntheticChatModel,
  type SyntheticChatModelOptions,
  type SyntheticFaults,
  type SyntheticStats,
} from './model.js';
export type { SyntheticFaultKind } from './answers.js';
export {
  recognise,
  recognisers,
  type PromptView,
  type Recogniser,
  type SyntheticStage,
} from './recognise.js';
export {
  chatRequestOf,
  startSyntheticOpenAIServer,
  type SyntheticOpenAIServer,
  type SyntheticOpenAIServerOptions,
} from './server.js';
export { classNameForTopic, worldFor, type World, type WorldEntity, type WorldOperation } from './world.js';
