/// <reference types="node" />
// The Node-only half of the toolkit (file system, crypto): a separate entry, so that the main
// `@envscaler/core` entry stays importable in a browser.
export { readArtifact, writeFileAtomic } from './files.js';
export { mapConcurrent } from './map-concurrent.js';
export { sha256Hex } from './hash.js';
export { parseArtifact } from '../json-text.js';
