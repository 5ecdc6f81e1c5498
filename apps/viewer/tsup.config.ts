import { defineLibraryBuild } from '../../tsup.shared.js';

// The Node entry (server + dist path) goes to dist/server; `vite build` has already written the SPA to dist/.
export default defineLibraryBuild({ entry: { index: 'server/index.ts' }, outDir: 'dist/server', clean: false });
