/**
 * What the verified reader needs from the extension: an HTTP client per proof gateway, verified
 * headers from the light client (driven over the node pool, so a node serving a false header is
 * caught as usual), and the remembered balance slot of each token (in the chain store's settings).
 * @module
 */
import { httpGatewayRequest } from '../../../core/proofgateway/http-request.js';
import type { GatewayRequest } from '../../../core/proofgateway/client.js';
import type { Clock } from '../../../core/rpc/clock.js';
import type { NodeEndpoint } from '../../../core/rpc/pool/endpoint.js';
import type { FetchFunction } from '../../../core/rpc/transport/http.js';
import type { VerifiedChain } from '../../../core/chain/verified/chain.js';
import { lightClientHeaderSource } from '../../../core/verified-headers.js';
import type { ChainStore } from './store.js';
import type { FinalizedAnchor, SlotMemory, StoredSlot, VerifiedReaderDeps } from './verified-reads.js';

export interface GatewayReadInputs {
  store: Pick<ChainStore, 'getSetting' | 'setSetting'>;
  fetch: FetchFunction;
  clock: Clock;
  verified(): Promise<VerifiedChain>;
}

function isStoredSlot(value: unknown): value is StoredSlot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { index?: unknown; layout?: unknown; none?: unknown };
  return (Number.isSafeInteger(v.index) && (v.layout === 'solidity' || v.layout === 'vyper')) || v.none === 'no_match' || v.none === 'ambiguous';
}

export function slotMemory(store: GatewayReadInputs['store']): SlotMemory {
  const key = (network: string, space: string, token: string) => `tokenSlot/${network}/${space}/${token.toLowerCase()}`;
  return {
    async get(network, space, token) {
      const value = await store.getSetting(key(network, space, token));
      return isStoredSlot(value) ? value : undefined;
    },
    put: (network, space, token, slot) => store.setSetting(key(network, space, token), slot),
  };
}

/** The finalized pivot now, and a source of verified headers at or below it. */
export async function finalizedAnchor(chain: VerifiedChain): Promise<FinalizedAnchor | null> {
  if (chain.client.finalizedPivot === null) return null;
  const { value: finalized } = await chain.runner.run((transport) => chain.client.finalizedHeader({ transport }));
  const headers = lightClientHeaderSource({ pivotHeaderAt: async (h, options) => (await chain.runner.run((transport) => chain.client.pivotHeaderAt(h, { ...options, transport }))).value });
  return { finalized: { height: finalized.height, hash: finalized.hash }, headers };
}

export function gatewayReadDeps(inputs: GatewayReadInputs): Omit<VerifiedReaderDeps, 'pool' | 'fallback'> {
  const clients = new Map<string, GatewayRequest>();
  return {
    anchor: async () => finalizedAnchor(await inputs.verified()),
    request: (gateway: NodeEndpoint) => {
      let client = clients.get(gateway.id);
      if (client === undefined) {
        client = httpGatewayRequest({ url: gateway.url, fetch: inputs.fetch, clock: inputs.clock }).request;
        clients.set(gateway.id, client);
      }
      return client;
    },
    slots: slotMemory(inputs.store),
    now: () => inputs.clock.now(),
  };
}
