/**
 * Builds the extension into dist/.
 *
 * The main build bundles the wallet's pages (React): the popup and the approval page. What the
 * popup needs before its first screen is one file (`firstScreen` below): an extension page pays
 * for every module it fetches before it can run, more than for the bytes. Screens reached later
 * load when first visited.
 * The background service worker (an ES module) is built afterwards on its own, so it shares no
 * chunk with the pages and never loads page code. Content scripts cannot be ES modules, so the
 * content relay and the inpage provider are built as self-contained IIFE bundles; then
 * manifest.json is copied over.
 */
import { defineConfig, build, type BuildEnvironmentOptions, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = import.meta.dirname;
const dist = resolve(root, 'dist');
const target = 'chrome116';
const popupMain = resolve(root, 'extension/ui/main.tsx');

const classicScripts: Record<string, string> = {
  content: resolve(root, 'extension/content/index.ts'),
  inpage: resolve(root, 'extension/inpage/index.ts'),
};

/** One more build into dist/ after the pages' (keeping what is there). */
function buildIntoDist(options: BuildEnvironmentOptions): Promise<unknown> {
  return build({ configFile: false, logLevel: 'warn', build: { outDir: dist, emptyOutDir: false, sourcemap: false, ...options } });
}

function backgroundScriptsAndManifest(): Plugin {
  return {
    name: 'wayfarer-background-scripts',
    apply: 'build',
    async closeBundle() {
      await buildIntoDist({
        target,
        modulePreload: false,
        rollupOptions: {
          input: { background: resolve(root, 'extension/background/index.ts') },
          output: { format: 'es', entryFileNames: 'background.js', chunkFileNames: 'assets/background-[name]-[hash].js' },
        },
      });
      for (const [name, entry] of Object.entries(classicScripts)) {
        await buildIntoDist({ minify: true, lib: { entry, formats: ['iife'], name: `wayfarer_${name}`, fileName: () => `${name}.js` } });
      }
      copyFileSync(resolve(root, 'manifest.json'), resolve(dist, 'manifest.json'));
    },
  };
}

/**
 * Puts every module the popup's entry reaches through static imports into one chunk: the popup's
 * first screen then costs one module fetch (besides the bundler's small runtime). Lazy screens
 * import from it.
 */
function firstScreen(): (id: string, meta: { getModuleInfo: (id: string) => { importedIds: readonly string[] } | null }) => string | undefined {
  let reached: Set<string> | undefined;
  return (id, { getModuleInfo }) => {
    if (!reached) {
      reached = new Set();
      const todo = [popupMain];
      while (todo.length > 0) {
        const next = todo.pop()!;
        if (reached.has(next)) continue;
        reached.add(next);
        todo.push(...(getModuleInfo(next)?.importedIds ?? []));
      }
    }
    return reached.has(id) ? 'popup' : undefined;
  };
}

export default defineConfig({
  root: resolve(root, 'extension/ui'),
  publicDir: resolve(root, 'extension/public'),
  base: './',
  plugins: [react(), backgroundScriptsAndManifest()],
  build: {
    outDir: dist,
    emptyOutDir: true,
    target,
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        popup: resolve(root, 'extension/ui/popup.html'),
        approval: resolve(root, 'extension/ui/approval/index.html'),
      },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        manualChunks: firstScreen(),
      },
    },
  },
});
