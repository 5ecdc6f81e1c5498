/**
 * Test doubles for skelbuilder's stages: a scripted ChatModel that answers every stage from
 * per-task specs, and ready-made specs. Kept off the main entry so production imports never pull them in.
 */
export {
  createScriptedChatModel,
  scriptedAnswer,
  type ScriptedEnvSpec,
  type ScriptedModelOptions,
} from './scripted.js';
export { exampleScriptedEnvs, libraryScriptedEnvs } from './scripted-example.js';
