import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// Where `vite` (the dev server) sends API calls: the Xabar server.
const target = process.env.XABAR_API ?? 'http://localhost:3000';
// The version the newsroom footer shows: the server's package.json, built in (the two are built together).
const version = (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig(({ command }) => {
  // A build is always a production build, even when started from a test run (NODE_ENV=test):
  // otherwise React's development code and the JSX dev runtime would be bundled.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/admin/',
    plugins: [react()],
    define: { __XABAR_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: false,
      // The story editor (Tiptap/ProseMirror) is its own lazily loaded chunk of ~530 kB (165 kB gzip).
      chunkSizeWarningLimit: 700,
    },
    server: {
      proxy: {
        '/admin/api': { target, changeOrigin: false },
        '/admin/preview': { target, changeOrigin: false },
        '/media': { target, changeOrigin: false },
      },
    },
  };
});
