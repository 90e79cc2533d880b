#!/usr/bin/env node
/**
 * Builds the extension and opens Chromium with it loaded. Without a display it prints how to load
 * dist/ by hand instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay || !existsSync(chromium)) {
  console.log(`
Wayfarer is built in ${dist}
No display${existsSync(chromium) ? '' : ' or Chromium'} found, so nothing was opened. To load it by hand:
  1. open chrome://extensions (Chromium, Chrome, Edge, Brave, Kiwi, Lemur, Yandex)
  2. switch on "Developer mode"
  3. "Load unpacked" and choose ${dist}
`);
  process.exit(0);
}
const profile = mkdtempSync(join(tmpdir(), 'wayfarer-start-'));
spawn(chromium, [`--user-data-dir=${profile}`, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-first-run'], { stdio: 'inherit' });
