/**
 * Child process that runs one Conflux dev node (@xcfx/node) with PoS finality advancing.
 * Only one node may exist per process, so tests run it here and talk to it over RPC.
 *
 * Input: the JSON config in argv[2]. Output on stdout: one line `READY <json>` once the RPC answers.
 * SIGTERM/SIGINT stop the node and delete its data directory.
 */
import { mkdirSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const config = JSON.parse(process.argv[2]);
const { runDir, posSource, ports, chainId, evmChainId, blockMs, roundMs, genesisSecrets, repoRoot } = config;

// The public dev PoS genesis in test/fixtures/devnode/pos_config matches this waypoint.
const WAYPOINT = '0:d668a9f66b650bda9b49574d937adac55e19fc9b4979acf8c75cffe49a40a6b3';

const posDir = join(runDir, 'pos_config');
mkdirSync(posDir, { recursive: true });
for (const f of ['genesis_file', 'initial_nodes.json', 'pos_key']) copyFileSync(join(posSource, f), join(posDir, f));
// Absolute paths everywhere: the addon chdir()s into a temporary directory it deletes on stop.
writeFileSync(join(posDir, 'pos_config.yaml'), `base:
  data_dir: ${join(runDir, 'pos_db')}
  role: validator
  waypoint:
    from_config: ${WAYPOINT}
consensus:
  round_initial_timeout_ms: ${roundMs}
  safety_rules:
    service:
      type: local
execution:
  genesis_file_location: ${join(posDir, 'genesis_file')}
storage:
  dir: ${join(runDir, 'pos_db', 'db')}
mempool:
  shared_mempool_tick_interval_ms: 200
logger:
  file: ${join(runDir, 'pos.log')}
  level: WARN
`);
writeFileSync(join(runDir, 'log.yaml'), `refresh_rate: 30 seconds
appenders:
  logfile:
    kind: file
    path: "${join(runDir, 'conflux.log')}"
    encoder:
      pattern: "{d} {l:5.5} {t:30.30} - {m:.2000}{n}"
root:
  level: warn
  appenders:
    - logfile
`);

const require = createRequire(join(repoRoot, 'noop.js'));
const { createServer } = require('@xcfx/node');
const server = await createServer({
  jsonrpcHttpPort: ports.http,
  jsonrpcWsPort: ports.ws,
  jsonrpcHttpEthPort: ports.ethHttp,
  jsonrpcWsEthPort: ports.ethWs,
  tcpPort: ports.p2p,
  udpPort: ports.p2p,
  stratumPort: ports.stratum,
  devBlockIntervalMs: blockMs,
  chainId,
  evmChainId,
  genesisSecrets,
  pollLifetimeInSeconds: 60,
  confluxDataDir: join(runDir, 'data'),
  logConf: join(runDir, 'log.yaml'),
  posConfigPath: join(posDir, 'pos_config.yaml'),
  posInitialNodesPath: join(posDir, 'initial_nodes.json'),
  posPrivateKeyPath: join(posDir, 'pos_key'),
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  // stop() can hang when the node is wedged; give up after 5 s (the data dir is throw-away).
  await Promise.race([server.stop().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
  rmSync(runDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
process.on('disconnect', () => stop(0));

await server.start();
process.stdout.write(`READY ${JSON.stringify({ ports })}\n`);
