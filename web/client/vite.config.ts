import path from 'node:path';
import { defineConfig } from 'vite';

// Code only the studio (administrators) uses: its own pages and the editors' libraries. A chunk holding any of it
// is named `studio-…`, so a test can see that other people's page loads fetch none (bpmn-js's core and its viewer
// may sit in a shared chunk: the task list draws diagrams with it).
const studioOnly = [
  /[\\/]web[\\/]client[\\/]src[\\/]studio[\\/]/,
  /[\\/]node_modules[\\/]bpmn-js[\\/]lib[\\/](Modeler|BaseModeler)\.js$/,
  /[\\/]node_modules[\\/]bpmn-js[\\/]lib[\\/]features[\\/](modeling|palette|context-pad|popup-menu|replace|editor-actions|keyboard|copy-paste|auto-place|auto-resize|snapping|space-tool|label-editing|distribute-elements|align-elements)[\\/]/,
  /[\\/]node_modules[\\/](bpmn-js-properties-panel|bpmn-js-element-templates|bpmn-js-differ|camunda-bpmn-js-behaviors)[\\/]/,
  /[\\/]node_modules[\\/]@bpmn-io[\\/](properties-panel|element-template-chooser|form-js-editor)[\\/]/,
  /[\\/]node_modules[\\/](dmn-js[^\\/]*|dmn-moddle|camunda-dmn-moddle|table-js)[\\/]/,
];

/** Whether a chunk carries studio-only code (see `studioOnly`). */
export function isStudioChunk(moduleIds: readonly string[]): boolean {
  return moduleIds.some((id) => studioOnly.some((pattern) => pattern.test(id)));
}

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
      output: {
        chunkFileNames: (chunk) => {
          if (!isStudioChunk(chunk.moduleIds)) return 'assets/[name]-[hash].js';
          return chunk.isDynamicEntry ? 'assets/studio-[name]-[hash].js' : 'assets/studio-shared-[hash].js';
        },
        // The stylesheets of studio chunks (bpmn-js, dmn-js, form-js editor, properties panel) are studio's too.
        assetFileNames: (asset) => (asset.originalFileNames.some((name) => /(^|[\\/])src[\\/]studio[\\/]/.test(name))
          ? 'assets/studio-[name]-[hash][extname]'
          : 'assets/[name]-[hash][extname]'),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/ready': 'http://127.0.0.1:3000' } },
});
