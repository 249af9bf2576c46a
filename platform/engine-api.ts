// Shim while imports move to platform/engine/index.js (issue 11, item 6); `engineApi` is createEngineApi's old name.
export * from './engine/index.js';
export { createEngineApi as engineApi } from './engine/index.js';
