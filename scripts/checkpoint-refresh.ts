/**
 * `npm run checkpoint:refresh -- --rpc <url> [--rpc <url>…] [--chain-id 1029] [--file <shipped.ts>]`
 *
 * Follows PoS from the shipped checkpoint of the chain with full verification (every committee
 * rotation checked; no skipping) against the given nodes at once, requires every node to serve the
 * same ending ledger info for the newest committee, and rewrites the shipped checkpoint file with
 * the new committee and its provenance (epoch, date, ledger info, nodes asked). Prints what it did;
 * exits non-zero without writing when a node lies, the nodes disagree, or nothing newer is proved.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkpointCommittee } from '../core/lightclient/checkpoint/checkpoint.js';
import { refreshCheckpoint, type RefreshNode } from '../core/lightclient/checkpoint/refresh.js';
import type { Checkpoint } from '../core/lightclient/checkpoint/types.js';
import { transportFromRequest } from '../core/lightclient/transport.js';
import { renderShippedModule } from './checkpoint-refresh-render.js';

interface ShippedModule {
  SHIPPED_CHECKPOINTS: ReadonlyMap<number, Checkpoint>;
  NETWORKS_WITHOUT_CHECKPOINT: ReadonlyMap<number, string>;
}

/** The URL as shown in provenance: origin and path, never credentials or query keys. */
function publicName(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

async function rpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  if (!response.ok) throw new Error(`${publicName(url)}: HTTP ${response.status}`);
  const body = (await response.json()) as { result?: unknown; error?: { message?: string } };
  if (body.error !== undefined) throw new Error(`${publicName(url)} ${method}: ${body.error.message ?? 'error'}`);
  return body.result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rpc: { type: 'string', multiple: true }, 'chain-id': { type: 'string', default: '1029' }, file: { type: 'string', default: resolve(import.meta.dirname, '../core/lightclient/checkpoint/shipped.ts') } } });
  const urls = values.rpc ?? [];
  if (urls.length === 0) throw new Error('give at least one --rpc <url> (several independent nodes are better)');
  const chainId = Number(values['chain-id']);
  const file = resolve(values.file);
  const shipped = (await import(pathToFileURL(file).href)) as ShippedModule;
  const from = shipped.SHIPPED_CHECKPOINTS.get(chainId);
  if (from === undefined) throw new Error(`${file} ships no checkpoint for chain ${chainId}`);
  checkpointCommittee(from); // its digest must hold before anything is built on it
  const nodes: RefreshNode[] = [];
  for (const url of urls) {
    const status = (await rpc(url, 'cfx_getStatus', [])) as { chainId?: string };
    if (Number(status.chainId) !== chainId) throw new Error(`${publicName(url)} serves chain ${Number(status.chainId)}, not ${chainId}`);
    nodes.push({ name: publicName(url), transport: transportFromRequest((method, params) => rpc(url, method, params)) });
  }
  console.log(`refreshing chain ${chainId} from PoS epoch ${from.epoch} with ${nodes.map((n) => n.name).join(', ')}`);
  let shown = 0;
  const result = await refreshCheckpoint(from, nodes, new Date(), (epoch, target) => {
    if (epoch - shown >= 100 || epoch === target) console.log(`  verified committee of epoch ${(shown = epoch)} of ${target}`);
  });
  for (const f of result.findings) console.log(`  note: ${f.source}: ${f.kind}${'error' in f && f.error instanceof Error ? ` (${f.error.message})` : ''}`);
  const checkpoints = [...shipped.SHIPPED_CHECKPOINTS.values()].map((c) => (c.chainId === chainId ? result.checkpoint : c));
  writeFileSync(file, renderShippedModule(checkpoints, shipped.NETWORKS_WITHOUT_CHECKPOINT));
  const p = result.checkpoint.provenance!;
  console.log(`wrote ${file}: epoch ${result.checkpoint.epoch} (digest ${result.checkpoint.digest}), carried by the ending of epoch ${p.ledgerInfo.epoch} round ${p.ledgerInfo.round}, ${result.epochsVerified} rotations verified`);
}

main().catch((error: unknown) => {
  console.error(`checkpoint refresh failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
