/**
 * The public nodes Wayfarer ships with, per network and space, with where each is documented and
 * who operates it.
 *
 * Independence is what makes a cross-check worth anything, so operators are recorded honestly:
 * every `*.confluxrpc.com` / `*.confluxrpc.org` host is Confura, run by the Conflux Foundation —
 * several URLs, ONE source. Unifra and BlockPI are independent companies. On Core mainnet that
 * gives two independent operators, on eSpace mainnet three. Testnet has only Confura nodes
 * documented, so testnet values stay `single-source` until the user adds a node of their own.
 *
 * Sources (read 2026):
 * - Confura Core: Conflux-Chain/conflux-documentation `docs/core/core-endpoints.md` ("Confura is …
 *   developed and maintained by Conflux foundation"; mainnet main/cfxmain-global/main.org, testnet
 *   test/cfxtest/test.org, WebSocket `/ws` variants).
 * - Confura eSpace: same repo, `docs/espace/network-endpoints.md` (evm/evmmain-global/evm.org,
 *   evmtestnet/evmtest/evmtestnet.org, `/ws` variants).
 * - Unifra: `docs/core/core-endpoints.md` §2 ("Public Endpoint … https://conflux-core-public.unifra.io")
 *   and `docs/espace/build/infrastructure/RPC-Provider.md` (https://conflux-espace-public.unifra.io).
 * - BlockPI: listed as an eSpace provider in `docs/espace/network-endpoints.md`; the public path
 *   `https://conflux-espace.blockpi.network/v1/rpc/public` is BlockPI's keyless endpoint as used in
 *   public chain lists.
 * The China-routed Confura hosts (`cfxmain-china`, `evmmain-china`) are left out: same operator as
 * the global ones, and reachable only from some places.
 * Local: the @xcfx/node dev node's default ports (HTTP 12537, WS 12538); eSpace 8545/8546; the proof
 * gateway `npm start` runs beside it, on `npm run gateway`'s default port 12539. No public proof
 * gateway is shipped: the user adds their own (gateway/README.md).
 * @module
 */
import type { Space } from '../../space.js';
import { makeEndpoint, type NetworkKey, type NodeEndpoint, type NodeKind } from './endpoint.js';

export const OPERATOR_CONFURA = 'Conflux Foundation (Confura)';
export const OPERATOR_UNIFRA = 'Unifra';
export const OPERATOR_BLOCKPI = 'BlockPI';
export const OPERATOR_LOCAL = 'This computer';
/** Where `npm start` (and `npm run gateway` by default) serves the dev node's proof gateway. */
export const LOCAL_GATEWAY_URL = 'http://127.0.0.1:12539';

interface DefaultSpec {
  network: NetworkKey;
  space: NodeKind;
  url: string;
  wsUrl?: string;
  operator: string;
}

const SPECS: readonly DefaultSpec[] = [
  { network: 'mainnet', space: 'core', url: 'https://main.confluxrpc.com', wsUrl: 'wss://main.confluxrpc.com/ws', operator: OPERATOR_CONFURA },
  { network: 'mainnet', space: 'core', url: 'https://cfxmain-global.confluxrpc.com', operator: OPERATOR_CONFURA },
  { network: 'mainnet', space: 'core', url: 'https://main.confluxrpc.org', wsUrl: 'wss://main.confluxrpc.org/ws', operator: OPERATOR_CONFURA },
  { network: 'mainnet', space: 'core', url: 'https://conflux-core-public.unifra.io', operator: OPERATOR_UNIFRA },

  { network: 'mainnet', space: 'espace', url: 'https://evm.confluxrpc.com', wsUrl: 'wss://evm.confluxrpc.com/ws', operator: OPERATOR_CONFURA },
  { network: 'mainnet', space: 'espace', url: 'https://evmmain-global.confluxrpc.com', operator: OPERATOR_CONFURA },
  { network: 'mainnet', space: 'espace', url: 'https://evm.confluxrpc.org', wsUrl: 'wss://evm.confluxrpc.org/ws', operator: OPERATOR_CONFURA },
  { network: 'mainnet', space: 'espace', url: 'https://conflux-espace-public.unifra.io', operator: OPERATOR_UNIFRA },
  { network: 'mainnet', space: 'espace', url: 'https://conflux-espace.blockpi.network/v1/rpc/public', operator: OPERATOR_BLOCKPI },

  { network: 'testnet', space: 'core', url: 'https://test.confluxrpc.com', wsUrl: 'wss://test.confluxrpc.com/ws', operator: OPERATOR_CONFURA },
  { network: 'testnet', space: 'core', url: 'https://cfxtest.confluxrpc.com', operator: OPERATOR_CONFURA },
  { network: 'testnet', space: 'core', url: 'https://test.confluxrpc.org', wsUrl: 'wss://test.confluxrpc.org/ws', operator: OPERATOR_CONFURA },

  { network: 'testnet', space: 'espace', url: 'https://evmtestnet.confluxrpc.com', wsUrl: 'wss://evmtestnet.confluxrpc.com/ws', operator: OPERATOR_CONFURA },
  { network: 'testnet', space: 'espace', url: 'https://evmtest.confluxrpc.com', operator: OPERATOR_CONFURA },
  { network: 'testnet', space: 'espace', url: 'https://evmtestnet.confluxrpc.org', wsUrl: 'wss://evmtestnet.confluxrpc.org/ws', operator: OPERATOR_CONFURA },

  { network: 'local', space: 'core', url: 'http://127.0.0.1:12537', wsUrl: 'ws://127.0.0.1:12538', operator: OPERATOR_LOCAL },
  { network: 'local', space: 'espace', url: 'http://127.0.0.1:8545', wsUrl: 'ws://127.0.0.1:8546', operator: OPERATOR_LOCAL },
  { network: 'local', space: 'gateway', url: LOCAL_GATEWAY_URL, operator: OPERATOR_LOCAL },
];

/** The shipped nodes of one network (both spaces). */
export function defaultEndpoints(network: NetworkKey): NodeEndpoint[] {
  return SPECS.filter((s) => s.network === network).map((s) => makeEndpoint({ ...s, origin: 'default' }));
}

/** Number of distinct operators among the shipped nodes of a network and space. */
export function defaultOperatorCount(network: NetworkKey, space: Space): number {
  return new Set(SPECS.filter((s) => s.network === network && s.space === space).map((s) => s.operator)).size;
}
