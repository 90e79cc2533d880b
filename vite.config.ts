/**
 * Builds the extension into dist/.
 *
 * The main build bundles the popup page (React) and the background service worker (an ES module).
 * Content scripts cannot be ES modules, so the content relay and the inpage provider are built
 * afterwards as self-contained IIFE bundles; then manifest.json is copied over.
 */
import { defineConfig, build, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = import.meta.dirname;
const dist = resolve(root, 'dist');

const classicScripts: Record<string, string> = {
  content: resolve(root, 'extension/content/index.ts'),
  inpage: resolve(root, 'extension/inpage/index.ts'),
};

function classicScriptsAndManifest(): Plugin {
  return {
    name: 'wayfarer-classic-scripts',
    apply: 'build',
    async closeBundle() {
      for (const [name, entry] of Object.entries(classicScripts)) {
        await build({
          configFile: false,
          logLevel: 'warn',
          build: {
            outDir: dist,
            emptyOutDir: false,
            minify: true,
            sourcemap: false,
            lib: { entry, formats: ['iife'], name: `wayfarer_${name}`, fileName: () => `${name}.js` },
          },
        });
      }
      copyFileSync(resolve(root, 'manifest.json'), resolve(dist, 'manifest.json'));
    },
  };
}

export default defineConfig({
  root: resolve(root, 'extension/ui'),
  publicDir: resolve(root, 'extension/public'),
  base: './',
  plugins: [react(), classicScriptsAndManifest()],
  build: {
    outDir: dist,
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        popup: resolve(root, 'extension/ui/popup.html'),
        approval: resolve(root, 'extension/ui/approval/index.html'),
        background: resolve(root, 'extension/background/index.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
        // The chunk the popup and the approval page share (React and common UI code) would otherwise
        // be named after whichever shared module Rollup meets first.
        chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => id.includes('/node_modules/react-dom/')) ? 'assets/ui-shared-[hash].js' : 'assets/[name]-[hash].js'),
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
