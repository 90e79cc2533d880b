/**
 * Makes eSpace usable on @xcfx/node 0.3.2.
 *
 * Its embedded conflux-rust binary (@xcfx/node-linux-x64-gnu 0.3.1) never sets
 * hydra_transition_number/height, so the node keeps mainnet's defaults and eSpace plus the
 * CrossSpaceCall contract never activate on a dev chain. This writes a copy of the addon with both
 * defaults set to 1 (what xcfx >= 0.4 configures) to node_modules/@xcfx/node/node.linux-x64-gnu.node,
 * which the package's loader tries before the platform package. The original file is untouched and
 * the patch applies only to the exact binary it was checked against (sha256 below).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ORIGINAL_SHA256 = '99165f8e3b219df33dd0729b6a1d49aa9f055aab65e61bdae613f85ab3f31431';
// `movq $imm32, off(%rsp)` in RawConfiguration::default() for Some(92060600) and Some(36935000).
const PATTERNS = ['48c7842418040000b8bb7c05', '48c784242804000058953302'];

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

export function ensurePatchedXcfxAddon(fromDir = process.cwd()) {
  const require = createRequire(join(fromDir, 'noop.js'));
  const packageDir = dirname(require.resolve('@xcfx/node/package.json'));
  const target = join(packageDir, 'node.linux-x64-gnu.node');
  const source = join(dirname(require.resolve('@xcfx/node-linux-x64-gnu/package.json')), 'node.linux-x64-gnu.node');
  const original = readFileSync(source);
  if (sha256(original) !== ORIGINAL_SHA256) throw new Error(`unexpected @xcfx/node-linux-x64-gnu binary (sha256 ${sha256(original)})`);
  const patched = Buffer.from(original);
  for (const hex of PATTERNS) {
    const pattern = Buffer.from(hex, 'hex');
    const at = patched.indexOf(pattern);
    if (at < 0 || patched.indexOf(pattern, at + 1) >= 0) throw new Error(`addon pattern ${hex} not found exactly once`);
    patched.writeUInt32LE(1, at + 8);
  }
  const wanted = sha256(patched);
  if (existsSync(target) && sha256(readFileSync(target)) === wanted) return target;
  writeFileSync(target, patched);
  return target;
}
