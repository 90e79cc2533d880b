/** Runs every bench/*.bench.ts (or those whose file name contains one of the arguments). */
import { readdirSync } from 'node:fs';

const filters = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts') && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort();
for (const file of files) {
  console.log(`\n# ${file}`);
  const module = (await import(`./${file}`)) as { default: () => Promise<void> };
  await module.default();
}
