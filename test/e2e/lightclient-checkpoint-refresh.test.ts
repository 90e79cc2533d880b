/**
 * `npm run checkpoint:refresh` against the real dev node, on a temporary copy of the shipped
 * checkpoint file that ships the dev chain's genesis committee: the script verifies every rotation
 * since, asks two nodes (the node under two host names), and rewrites the copy with the newest
 * committee and its provenance; the light client then starts from it. With a lying node among
 * those asked, it refuses and leaves the file as it was.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkpointCommittee } from '../../core/lightclient/checkpoint/checkpoint.js';
import { fetchTofuCheckpoint, LightClient, MemoryCheckpointStore, parseEpochState, signerSetDigest, transportFromRequest, type Checkpoint } from '../../core/lightclient/index.js';
import { renderShippedModule } from '../../scripts/checkpoint-refresh-render.js';
import { startLyingProxy } from '../adversary/lying-proxy.js';
import { REPO_ROOT, rpcCall, waitForFinality } from '../support/devnode.js';
import { sharedDevNode } from '../support/shared-devnode.js';

const run = promisify(execFile);
const node = sharedDevNode();
const alias = node.coreRpc.replace('127.0.0.1', 'localhost');
const dir = mkdtempSync(join(tmpdir(), 'wayfarer-checkpoint-'));
const file = join(dir, 'shipped.ts');
// An ES module like the repository's own (package.json "type": "module").
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
let genesis: Checkpoint;

beforeAll(async () => {
  await waitForFinality(node, 1);
  for (let i = 0; Number(BigInt((await rpcCall<{ epoch: string }>(node.coreRpc, 'pos_getStatus')).epoch)) < 3; i++) {
    if (i > 200) throw new Error('PoS epoch 3 not reached');
    await new Promise((r) => setTimeout(r, 1000));
  }
  genesis = { ...(await fetchTofuCheckpoint(transportFromRequest((m, p) => rpcCall(node.coreRpc, m, p)), node.chainId)), network: 'dev' };
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the script the way `npm run checkpoint:refresh -- …` does. */
function refresh(urls: string[]) {
  const args = ['tsx', 'scripts/checkpoint-refresh.ts', '--file', file, '--chain-id', String(node.chainId), ...urls.flatMap((u) => ['--rpc', u])];
  return run('npx', args, { cwd: REPO_ROOT, timeout: 180_000 });
}

/** The checkpoints a shipped-checkpoint file exports, read in a separate process. */
async function shippedIn(path: string): Promise<Checkpoint[]> {
  const { stdout } = await run('npx', ['tsx', '-e', `import(${JSON.stringify(path)}).then((m) => console.log(JSON.stringify([...m.SHIPPED_CHECKPOINTS.values()])))`], { cwd: REPO_ROOT });
  return JSON.parse(stdout) as Checkpoint[];
}

describe('checkpoint refresh', () => {
  test('follows PoS from the shipped checkpoint with full verification and rewrites it with provenance', async () => {
    writeFileSync(file, renderShippedModule([genesis], new Map()));
    const { stdout } = await refresh([node.coreRpc, alias]);
    expect(stdout).toMatch(/wrote .*shipped\.ts: epoch \d+/);
    const [fresh] = await shippedIn(file);
    expect(fresh!.epoch).toBeGreaterThanOrEqual(3);
    expect(checkpointCommittee(fresh!).epoch).toBe(fresh!.epoch);
    // The committee the node reports for that epoch (the VRF seed aside, which dev nodes report differently).
    const reported = await rpcCall(node.coreRpc, 'pos_getEpochState', [`0x${fresh!.epoch.toString(16)}`]);
    expect(signerSetDigest(parseEpochState(reported).state)).toBe(signerSetDigest(checkpointCommittee(fresh!).state));
    const ending = await rpcCall<{ ledgerInfo: { commitInfo: { id: string; round: string } } }>(node.coreRpc, 'pos_getLedgerInfoByEpoch', [`0x${(fresh!.epoch - 1).toString(16)}`]);
    expect(fresh!.provenance).toMatchObject({
      ledgerInfo: { epoch: fresh!.epoch - 1, id: ending.ledgerInfo.commitInfo.id.toLowerCase(), round: Number(BigInt(ending.ledgerInfo.commitInfo.round)) },
      verifiedFrom: { epoch: 1, digest: genesis.digest },
      nodes: [node.coreRpc, alias],
    });
    expect(Date.parse(fresh!.provenance!.date)).toBeGreaterThan(Date.now() - 10 * 60_000);
    // The light client starts from it and follows the node from there.
    const client = await LightClient.create({ chainId: node.chainId, checkpoint: fresh!, transport: transportFromRequest((m, p) => rpcCall(node.coreRpc, m, p)), store: new MemoryCheckpointStore() }, Date.now());
    const report = await client.sync({ now: Date.now() });
    expect(report.fromEpoch).toBe(fresh!.epoch);
    expect(client.finalizedPivot).not.toBeNull();
  });

  test('a lying node among those asked makes it refuse, and the file stays as it was', async () => {
    writeFileSync(file, renderShippedModule([genesis], new Map()));
    const before = readFileSync(file, 'utf8');
    const liar = await startLyingProxy({ upstream: node.coreRpc, attack: 'bad_bls_signature' });
    try {
      const failure = await refresh([liar.url]).then(() => null, (error: { code?: number; stderr?: string }) => error);
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/checkpoint refresh failed: .*(signature|signed)/);
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      await liar.close();
    }
  });
});
