import { defineLibraryBuild } from '../../tsup.shared.js';

export default defineLibraryBuild({ entry: ['src/index.ts', 'src/testing.ts'] });
