/**
 * The proof gateway service: one `clp` session per configured full node (shared by every wallet),
 * a batcher with a bounded cache in front of them, and the HTTP/WebSocket JSON-RPC listeners.
 * One lifecycle: `ProofGateway.start` → `stop`.
 *
 * Threat model: wallets are untrusted clients (validated, rate-limited, bounded), nodes are
 * untrusted servers (sessions closed on any protocol violation and reopened), and the gateway is
 * untrusted by the wallets: it relays the node's proof material unchanged and the wallet verifies
 * it against PoS-finalized headers. It never forwards a request it did not validate.
 */
import { bytesToHex } from '../core/encoding/hex.js';
import { ItemBatcher } from './batcher.js';
import { ItemCache } from './cache.js';
import type { NodeAddress } from './clp/node-url.js';
import { NodeLink, type NodeLinkOptions } from './node-link.js';
import { createGatewayServer, DEFAULT_SERVER_LIMITS, type ServerLimits, type ServerStats } from './server.js';

export interface ProofGatewayConfig {
  readonly nodes: readonly NodeAddress[];
  readonly chainId: number;
  readonly genesisHash: Uint8Array;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Source address of the node sessions. */
  readonly localAddress?: string;
  readonly limits?: Partial<ServerLimits>;
  readonly maxQueuedItems?: number;
  readonly cacheBytes?: number;
  readonly cacheAgeMs?: number;
  readonly heartbeatMs?: number;
  readonly requestTimeoutMs?: number;
  readonly reconnect?: NodeLinkOptions['reconnect'];
  readonly log?: (line: string) => void;
}

export interface ProofGatewayStats {
  readonly server: ServerStats;
  readonly batcher: ItemBatcher['stats'];
  readonly cache: { bytes: number; items: number; hits: number; misses: number };
  readonly queued: number;
  readonly nodes: { label: string; state: string; sessions: number; inFlight: number }[];
}

export class ProofGateway {
  private constructor(
    readonly url: string,
    readonly links: readonly NodeLink[],
    private readonly batcher: ItemBatcher,
    private readonly cache: ItemCache,
    private readonly server: ReturnType<typeof createGatewayServer>,
  ) {}

  /** Starts the node sessions and listens; resolves once listening (sessions keep connecting). */
  static async start(config: ProofGatewayConfig): Promise<ProofGateway> {
    if (config.nodes.length === 0) throw new RangeError('at least one node is needed');
    const log = config.log ?? (() => undefined);
    const links = config.nodes.map(
      (node) =>
        new NodeLink({
          node,
          chainId: config.chainId,
          genesisHash: config.genesisHash,
          ...(config.localAddress === undefined ? {} : { localAddress: config.localAddress }),
          ...(config.heartbeatMs === undefined ? {} : { heartbeatMs: config.heartbeatMs }),
          ...(config.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: config.requestTimeoutMs }),
          ...(config.reconnect === undefined ? {} : { reconnect: config.reconnect }),
        }),
    );
    const cache = new ItemCache(config.cacheBytes ?? 32 * 1024 * 1024, config.cacheAgeMs ?? 30_000);
    const batcher = new ItemBatcher(links, cache, config.maxQueuedItems === undefined ? {} : { maxQueuedItems: config.maxQueuedItems });
    const limits = { ...DEFAULT_SERVER_LIMITS, ...config.limits };
    const genesisHash = bytesToHex(config.genesisHash);
    const server = createGatewayServer((takeToken) => ({ batcher, links, chainId: config.chainId, genesisHash, takeToken, maxBatch: limits.maxBatch }), limits);
    for (const link of links) {
      link.on('state', (state, detail) => log(`node ${link.label}: ${state} (${detail})`));
      link.start();
    }
    const host = config.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.server.listen(config.port ?? 0, host, () => resolve());
    });
    const address = server.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    log(`listening on ${url} (HTTP POST and WebSocket)`);
    return new ProofGateway(url, links, batcher, cache, server);
  }

  get wsUrl(): string {
    return this.url.replace(/^http/, 'ws');
  }

  /** Resolves when at least one node session is ready. */
  async ready(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.links.some((l) => l.ready)) {
      if (Date.now() > deadline) throw new Error('no node session became ready');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  stats(): ProofGatewayStats {
    return {
      server: { ...this.server.stats },
      batcher: { ...this.batcher.stats },
      cache: { bytes: this.cache.bytes, items: this.cache.size, hits: this.cache.hits, misses: this.cache.misses },
      queued: this.batcher.queued,
      nodes: this.links.map((l) => ({ label: l.label, state: l.state, sessions: l.sessions, inFlight: l.inFlight })),
    };
  }

  async stop(): Promise<void> {
    for (const link of this.links) link.stop();
    await this.server.close();
  }
}
