/**
 * Writes core/lightclient/checkpoint/shipped.ts: the shipped checkpoints as data, each with its
 * source and (once refreshed) provenance, so that `npm run checkpoint:refresh` rewrites the file
 * whole and a refresh shows up in review as a data diff.
 */
import type { Checkpoint } from '../core/lightclient/checkpoint/types.js';

const HEADER = `/**
 * Trusted PoS checkpoints shipped with the wallet, one per public network.
 *
 * A checkpoint is the committee (EpochState) of one PoS epoch: every validator's account, BLS key
 * and voting power, with the quorum. Everything the light client believes about finality chains
 * back to it through committee rotations, so it is pinned by its digest
 * SHA3-256(BCS(EpochState)) and the digest is checked when the checkpoint is loaded.
 *
 * Refresh with every release: \`npm run checkpoint:refresh -- --rpc <url>…\` follows PoS from the
 * checkpoint below with full verification (every committee rotation checked with a quorum of the
 * committee before it; never the skipping rule) against the given nodes, requires every node to
 * serve the same epoch-ending ledger info, and rewrites this file. Each checkpoint's \`source\` and
 * \`provenance\` say how it was obtained. A stale checkpoint costs a catch-up of about 29 PoS
 * epochs per day since it.
 *
 * Testnet: none shipped. No testnet EpochState with verifiable provenance was available when this
 * was written, and an invented one would be worse than none: the client reports
 * \`checkpoint.none_shipped\` for testnet until a real one is added.
 *
 * This file is written by scripts/checkpoint-refresh.ts.
 * @module
 */
import type { Checkpoint } from './types.js';
`;

/** The exported constant of a network's checkpoint (mainnet → MAINNET_CHECKPOINT). */
export function constantName(network: string): string {
  return `${network.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_CHECKPOINT`;
}

function describe(checkpoint: Checkpoint): string {
  const title = `Conflux ${checkpoint.network} (Core chain id ${checkpoint.chainId}), PoS epoch ${checkpoint.epoch}`;
  const p = checkpoint.provenance;
  if (p === undefined) return `/** ${title}. */`;
  return [`/**`, ` * ${title}: verified on ${p.date} from the checkpoint of epoch ${p.verifiedFrom.epoch},`, ` * asking ${p.nodes.join(', ')}.`, ` */`].join('\n');
}

/** The source text of shipped.ts for these checkpoints and known networks without one. */
export function renderShippedModule(checkpoints: readonly Checkpoint[], withoutCheckpoint: ReadonlyMap<number, string>): string {
  const names = checkpoints.map((c) => constantName(c.network));
  if (new Set(names).size !== names.length) throw new RangeError('two checkpoints for one network');
  const blocks = checkpoints.map((c, i) => `${describe(c)}\nexport const ${names[i]}: Checkpoint = ${JSON.stringify(c, null, 2)};\n`);
  const shipped = names.map((name) => `[${name}.chainId, ${name}]`).join(', ');
  const without = [...withoutCheckpoint].map(([id, name]) => `[${id}, ${JSON.stringify(name)}]`).join(', ');
  return [
    HEADER,
    ...blocks,
    `/** Shipped checkpoints by Core chain id. */`,
    `export const SHIPPED_CHECKPOINTS: ReadonlyMap<number, Checkpoint> = new Map([${shipped}]);`,
    '',
    `/** Core chain ids of networks known to exist but without a shipped checkpoint. */`,
    `export const NETWORKS_WITHOUT_CHECKPOINT: ReadonlyMap<number, string> = new Map([${without}]);`,
    '',
  ].join('\n');
}
