/**
 * Endpoints of the dev node that the e2e global setup started (see global-devnode.ts).
 */
import { inject } from 'vitest';

export interface DevNodeEndpoints {
  coreRpc: string;
  coreWs: string;
  espaceRpc: string;
  espaceWs: string;
  chainId: number;
  evmChainId: number;
  /** P2P port (light protocol) and node id (64-byte public key, 0x hex) for `clp` sessions. */
  p2pPort: number;
  nodeId: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    devnode: DevNodeEndpoints;
  }
}

export function sharedDevNode(): DevNodeEndpoints {
  return inject('devnode');
}
