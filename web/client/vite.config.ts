import path from 'node:path';
import { defineConfig } from 'vite';

// The browser bundle. The web server serves dist/; the browser talks only to the web server, never to the engine.
export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      // React libraries mark modules "use client" for server components; a browser bundle has nothing to keep.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/ready': 'http://127.0.0.1:3000' } },
});
