// Shim while imports move to platform/engine/ (issue 11, item 6): errors from index.js, the transport from client.js.
export * from './engine/client.js';
