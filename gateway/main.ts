/**
 * `npm run gateway -- --node <nodeId>@<host>:<port> [--node …] [options]`
 *
 * Starts a proof gateway: one light-protocol session per node, JSON-RPC over HTTP and WebSocket
 * for wallets (see gateway/README.md). Options:
 *   --listen <host>:<port>       where to listen (default 127.0.0.1:12539)
 *   --rpc <Core RPC URL>         read the chain id and genesis hash from a JSON-RPC endpoint
 *   --chain-id <n> --genesis <0x…>  give them explicitly
 *                                (with neither, they are learned from the first node)
 *   --local-address <ip>         source address of the node sessions
 * Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { hexToBytes } from '../core/encoding/hex.js';
import { discoverChain } from './clp/discover.js';
import { jsonRpcCaller } from './clp/json-rpc.js';
import { parseNodeAddress } from './clp/node-url.js';
import { ProofGateway } from './service.js';

const USAGE = 'usage: npm run gateway -- --node <nodeId>@<host>:<port> [--node …] [--listen host:port] [--rpc URL | --chain-id N --genesis 0x…] [--local-address IP]';
const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({ options: { node: { type: 'string', multiple: true }, listen: { type: 'string' }, rpc: { type: 'string' }, 'chain-id': { type: 'string' }, genesis: { type: 'string' }, 'local-address': { type: 'string' } }, strict: true }));
} catch (error) {
  fail((error as Error).message);
}
if (values.node === undefined || values.node.length === 0) fail('at least one --node is needed');
const nodes = values.node.map((text) => {
  try {
    return parseNodeAddress(text);
  } catch (error) {
    return fail((error as Error).message);
  }
});
const listen = /^(.+):(\d{1,5})$/.exec(values.listen ?? '127.0.0.1:12539') ?? fail('--listen must be host:port');
const localAddress = values['local-address'];

let chainId: number;
let genesisHash: Uint8Array;
if (values['chain-id'] !== undefined || values.genesis !== undefined) {
  if (values['chain-id'] === undefined || values.genesis === undefined || !/^\d+$/.test(values['chain-id'])) fail('--chain-id and --genesis go together');
  chainId = Number(values['chain-id']);
  genesisHash = hexToBytes(values.genesis, 32, '--genesis');
} else if (values.rpc !== undefined) {
  const rpc = jsonRpcCaller(values.rpc);
  const status = (await rpc.call('cfx_getStatus')) as { chainId?: string };
  const genesis = (await rpc.call('cfx_getBlockByEpochNumber', ['0x0', false])) as { hash?: string };
  chainId = Number(status.chainId);
  genesisHash = hexToBytes(genesis.hash ?? '', 32, 'genesis hash');
} else {
  log(`learning the chain id and genesis from ${nodes[0]!.host}:${nodes[0]!.port}…`);
  ({ chainId, genesisHash } = await discoverChain(nodes[0]!, localAddress === undefined ? {} : { localAddress }));
}
log(`chain ${chainId}, ${nodes.length} node${nodes.length === 1 ? '' : 's'}`);

const gateway = await ProofGateway.start({ nodes, chainId, genesisHash, host: listen[1]!.replace(/^\[|\]$/g, ''), port: Number(listen[2]), ...(localAddress === undefined ? {} : { localAddress }), log });
const stop = async () => {
  log('stopping');
  await gateway.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
