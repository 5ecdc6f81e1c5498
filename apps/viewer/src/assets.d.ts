// Vite handles CSS imports in the browser bundle.
declare module '*.css';
