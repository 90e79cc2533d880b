/**
 * Bundle size of the built extension (dist/), gzipped, per entry point and in total, against the
 * budget (350 KB gzipped for all entry points together). Run `npx vite build` first.
 *
 * An entry's size is its own file plus every chunk it imports statically (what must load before it
 * runs); chunks only reached through dynamic import() are listed as lazy. Shared chunks count once
 * in the total.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, relative, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable } from './harness.js';

const DIST = resolve(import.meta.dirname, '../dist');
const BUDGET_GZIP_BYTES = 350 * 1024;

interface FileSize {
  raw: number;
  gzip: number;
}

function sizeOf(path: string): FileSize {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Relative module specifiers a built JS file imports: static and dynamic separately. */
function importsOf(path: string): { staticImports: string[]; dynamicImports: string[] } {
  const code = readFileSync(path, 'utf8');
  const staticImports = [...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  const dynamicImports = [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
  return { staticImports, dynamicImports };
}

function closure(entry: string): { initial: Set<string>; lazy: Set<string> } {
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, into: Set<string>) => {
    if (into.has(file) || !existsSync(file)) return;
    into.add(file);
    if (!file.endsWith('.js')) return;
    const { staticImports, dynamicImports } = importsOf(file);
    for (const spec of staticImports) visit(resolve(dirname(file), spec), into);
    for (const spec of dynamicImports) visit(resolve(dirname(file), spec), lazy);
  };
  visit(entry, initial);
  for (const file of initial) lazy.delete(file);
  return { initial, lazy };
}

/** popup.html → the scripts and stylesheets it references. */
function htmlAssets(htmlPath: string): string[] {
  const html = readFileSync(htmlPath, 'utf8');
  return [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => resolve(dirname(htmlPath), m[1]!));
}

function total(files: Iterable<string>): FileSize {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const s = sizeOf(f);
    raw += s.raw;
    gzip += s.gzip;
  }
  return { raw, gzip };
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export default async function run(): Promise<void> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('no dist/: run `npx vite build` first');
  const entries: Record<string, string[]> = {
    popup: [join(DIST, 'popup.html'), ...htmlAssets(join(DIST, 'popup.html'))],
    background: [join(DIST, 'background.js')],
    content: [join(DIST, 'content.js')],
    inpage: [join(DIST, 'inpage.js')],
  };
  for (const html of listFiles(DIST).filter((f) => f.endsWith('.html') && f !== join(DIST, 'popup.html'))) {
    entries[relative(DIST, html).replace(/\.html$/, '')] = [html, ...htmlAssets(html)];
  }
  const everything = new Set<string>();
  const rows: Record<string, string | number>[] = [];
  for (const [name, roots] of Object.entries(entries)) {
    const initial = new Set<string>();
    const lazy = new Set<string>();
    for (const root of roots) {
      const c = closure(root);
      c.initial.forEach((f) => initial.add(f));
      c.lazy.forEach((f) => lazy.add(f));
    }
    for (const f of initial) lazy.delete(f);
    [...initial, ...lazy].forEach((f) => everything.add(f));
    const first = total(initial);
    const later = total(lazy);
    rows.push({ entry: name, files: initial.size, 'initial KB': kb(first.raw), 'initial gzip KB': kb(first.gzip), 'lazy gzip KB': kb(later.gzip), '% of budget': Math.round((first.gzip / BUDGET_GZIP_BYTES) * 1000) / 10 });
  }
  const all = total(everything);
  rows.push({ entry: 'everything: all entries, initial + lazy, each chunk once', files: everything.size, 'initial KB': kb(all.raw), 'initial gzip KB': kb(all.gzip), 'lazy gzip KB': '', '% of budget': Math.round((all.gzip / BUDGET_GZIP_BYTES) * 1000) / 10 });
  printTable('Bundle size (gzip -9), budget 350 KB for all entry points', rows);

  const biggest = listFiles(DIST)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => ({ file: relative(DIST, f), ...sizeOf(f) }))
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 8);
  printTable('Largest files', biggest.map((b) => ({ file: b.file, KB: kb(b.raw), 'gzip KB': kb(b.gzip), 'share of total': `${Math.round((b.gzip / all.gzip) * 100)}%` })));
  if (all.gzip > BUDGET_GZIP_BYTES) console.log(`\nOVER BUDGET by ${kb(all.gzip - BUDGET_GZIP_BYTES)} KB`);
}
