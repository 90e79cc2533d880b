/**
 * Runs every bench/*.bench.ts (or those whose file name contains one of the arguments). The bundle
 * and popup benchmarks measure the built extension, so the extension is built first when `dist/`
 * is missing (a fresh clone).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(resolve(root, 'dist/manifest.json'))) {
  console.log('no dist/: building the extension first');
  const built = spawnSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const filters = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts') && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort();
for (const file of files) {
  console.log(`\n# ${file}`);
  const module = (await import(`./${file}`)) as { default: () => Promise<void> };
  await module.default();
}
