import { defineLibraryBuild } from '../../tsup.shared.js';

export default defineLibraryBuild({
  entry: {
    index: 'src/index.ts',
    'network-guard': 'src/network-guard.ts',
    bench: 'src/bench.ts',
    'synthetic/index': 'src/synthetic/index.ts',
  },
});
