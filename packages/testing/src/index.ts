export {
  MockChatModel,
  MockScriptExhaustedError,
  createMockChatModel,
  type MockChatModelOptions,
  type MockHandler,
  type MockReply,
  type MockScript,
} from './mock-chat-model.js';
export { MockEmbeddingModel, hashedBagOfWords } from './mock-embedding-model.js';
export {
  createMockOpenAIServer,
  type InjectOptions,
  type MockFault,
  type MockFaultType,
  type MockOpenAIServer,
  type MockOpenAIServerOptions,
  type MockServerChatRequest,
  type MockServerHandler,
  type MockServerRequest,
  type MockServerScript,
} from './mock-openai-server.js';
export { NetworkAccessError, installLoopbackOnlyGuard, isLoopbackHost } from './network-guard.js';
