/**
 * One full node as the gateway sees it: keeps one `clp` session open (a node allows one light
 * session per source address, so every wallet shares it), reconnects with backoff when it drops,
 * and bounds the requests in flight on it. Heartbeats are the session driver's (status pings).
 */
import { EventEmitter } from 'node:events';
import { LightProtocolError } from '../core/lightproto/errors.js';
import type { LightRequest } from '../core/lightproto/requests.js';
import type { LightAnswer } from '../core/lightproto/responses.js';
import { ClpConnection, type ClpConnectionOptions } from './clp/connection.js';
import { formatNodeAddress, type NodeAddress } from './clp/node-url.js';

export type NodeLinkState = 'connecting' | 'ready' | 'waiting' | 'stopped';

export interface NodeLinkOptions {
  readonly node: NodeAddress;
  readonly chainId: number;
  readonly genesisHash: Uint8Array;
  readonly localAddress?: string;
  /** Requests in flight on the session at once (default 16). */
  readonly maxInFlight?: number;
  readonly requestTimeoutMs?: number;
  readonly heartbeatMs?: number;
  /** Reconnect delays: doubling from `min` to `max` (defaults 500 ms … 30 s). */
  readonly reconnect?: { readonly minMs: number; readonly maxMs: number };
  /** For tests: how a session is opened. */
  readonly open?: (options: ClpConnectionOptions) => Promise<ClpConnection>;
}

export interface NodeLinkEvents {
  state: [state: NodeLinkState, detail: string];
}

export class NodeLink extends EventEmitter<NodeLinkEvents> {
  #state: NodeLinkState = 'stopped';
  #connection: ClpConnection | null = null;
  #delay: number;
  #timer: NodeJS.Timeout | undefined;
  #inFlight = 0;
  readonly label: string;
  /** Sessions opened so far (reconnects included). */
  sessions = 0;

  constructor(private readonly options: NodeLinkOptions) {
    super();
    this.#delay = options.reconnect?.minMs ?? 500;
    this.label = `${formatNodeAddress(options.node).slice(0, 10)}…@${options.node.host}:${options.node.port}`;
  }

  get state(): NodeLinkState {
    return this.#state;
  }

  get ready(): boolean {
    return this.#state === 'ready' && this.#connection !== null && !this.#connection.closed;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Room for another request now. */
  get available(): boolean {
    return this.ready && this.#inFlight < (this.options.maxInFlight ?? 16);
  }

  get bestEpoch(): number | null {
    return this.ready ? this.#connection!.status.bestEpoch : null;
  }

  get traffic() {
    return this.#connection?.traffic ?? null;
  }

  start(): void {
    if (this.#state !== 'stopped') return;
    this.#connect();
  }

  stop(): void {
    this.#set('stopped', 'stopped');
    clearTimeout(this.#timer);
    this.#connection?.close();
    this.#connection = null;
  }

  /**
   * @throws {LightProtocolError} `lightproto.closed` when not ready, or whatever the session reports
   */
  async request(request: LightRequest): Promise<LightAnswer> {
    const connection = this.#connection;
    if (!this.ready || connection === null) throw new LightProtocolError('lightproto.closed', `node ${this.label} is not connected`);
    this.#inFlight++;
    try {
      return await connection.request(request, this.options.requestTimeoutMs);
    } finally {
      this.#inFlight--;
    }
  }

  #set(state: NodeLinkState, detail: string): void {
    this.#state = state;
    this.emit('state', state, detail);
  }

  #connect(): void {
    this.#set('connecting', 'opening a light session');
    const open = this.options.open ?? ClpConnection.open;
    open({
      node: this.options.node,
      chainId: this.options.chainId,
      genesisHash: this.options.genesisHash,
      ...(this.options.localAddress === undefined ? {} : { localAddress: this.options.localAddress }),
      ...(this.options.heartbeatMs === undefined ? {} : { heartbeatMs: this.options.heartbeatMs }),
    }).then(
      (connection) => {
        if (this.#state === 'stopped') {
          connection.close();
          return;
        }
        this.#connection = connection;
        this.sessions++;
        this.#delay = this.options.reconnect?.minMs ?? 500;
        connection.once('closed', (error) => this.#retry(`session closed: ${error.message}`));
        this.#set('ready', `best epoch ${connection.status.bestEpoch}`);
      },
      (error: unknown) => this.#retry(`connecting failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  #retry(reason: string): void {
    if (this.#state === 'stopped') return;
    this.#connection = null;
    this.#set('waiting', `${reason}; retrying in ${this.#delay} ms`);
    this.#timer = setTimeout(() => this.#connect(), this.#delay);
    this.#timer.unref();
    this.#delay = Math.min(this.#delay * 2, this.options.reconnect?.maxMs ?? 30_000);
  }
}
