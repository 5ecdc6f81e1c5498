import { defineConfig } from 'vite';

// The SPA: Preact through the automatic JSX runtime (no plugin needed), relative asset URLs so the
// server can mount it anywhere, and hash routing so no server-side route table is needed.
export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  resolve: { conditions: ['@envscaler/source'] },
});
