import { defineLibraryBuild } from '../../tsup.shared.js';

export default defineLibraryBuild({ entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } });
