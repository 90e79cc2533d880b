/**
 * The Node.js TCP driver of a `clp` session: a thin adapter that moves bytes between a socket and
 * the pure {@link LightSession} state machine, adds the clock (connect and request timeouts, the
 * heartbeat) and turns answers into promises.
 *
 * Threat model: as for the session — the node and the path are untrusted; the driver adds only
 * resource bounds (timeouts, one frame size limit, closing on the first protocol error). A node
 * accepts one light session per source IP, so callers that need several (tests) pass distinct
 * `localAddress`es.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import { LightProtocolError } from '../../core/lightproto/errors.js';
import type { LightRequest } from '../../core/lightproto/requests.js';
import type { LightAnswer, StatusPong } from '../../core/lightproto/responses.js';
import { LightSession, type LightSessionOptions, type SessionOutput } from '../../core/lightproto/session.js';
import type { NodeAddress } from './node-url.js';

export interface ClpConnectionOptions {
  readonly node: NodeAddress;
  readonly chainId: number;
  readonly genesisHash: Uint8Array;
  /** Source address to connect from (default: chosen by the OS). */
  readonly localAddress?: string;
  /** Handshake, Hello and status must complete within this (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Default time an answer may take (default 20 s). */
  readonly requestTimeoutMs?: number;
  /** Interval of status pings; the node drops a light peer after 180 s without one (default 60 s). */
  readonly heartbeatMs?: number;
  readonly maxFramePayload?: number;
  /** See {@link LightSessionOptions.helloAfterNode}. */
  readonly helloAfterNode?: boolean;
}

export interface ClpConnectionEvents {
  closed: [error: LightProtocolError];
  status: [status: StatusPong];
  new_block_hashes: [hashes: readonly string[]];
}

interface Pending {
  resolve: (answer: LightAnswer) => void;
  reject: (error: LightProtocolError) => void;
  timer: NodeJS.Timeout;
}

/** Traffic counters of one connection (payload bytes on the socket, both directions). */
export interface ClpTraffic {
  bytesSent: number;
  bytesReceived: number;
  requests: number;
}

export class ClpConnection extends EventEmitter<ClpConnectionEvents> {
  readonly traffic: ClpTraffic = { bytesSent: 0, bytesReceived: 0, requests: 0 };
  #closedWith: LightProtocolError | null = null;
  readonly #pending = new Map<number, Pending>();
  #heartbeat: NodeJS.Timeout | undefined;
  #lastStatusAt = Date.now();

  private constructor(
    private readonly socket: Socket,
    private readonly session: LightSession,
    private readonly options: ClpConnectionOptions,
  ) {
    super();
  }

  /**
   * Connects, runs the handshake and the status exchange.
   * @throws {LightProtocolError} whatever ended the session before it was ready, or `lightproto.timeout`
   */
  static open(options: ClpConnectionOptions): Promise<ClpConnection> {
    return ClpConnection.openWith(options).connection;
  }

  /** Like {@link open}, also handing out the session (e.g. to read the node's Hello after a failure). */
  static openWith(options: ClpConnectionOptions): { session: LightSession; connection: Promise<ClpConnection> } {
    const session = new LightSession({ nodeId: options.node.nodeId, chainId: options.chainId, genesisHash: options.genesisHash, random: (n) => new Uint8Array(randomBytes(n)), ...(options.maxFramePayload === undefined ? {} : { maxFramePayload: options.maxFramePayload }), ...(options.helloAfterNode === undefined ? {} : { helloAfterNode: options.helloAfterNode }) });
    const socket = connect({ host: options.node.host, port: options.node.port, ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }) });
    socket.setNoDelay(true);
    const connection = new ClpConnection(socket, session, options);
    const ready = new Promise<ClpConnection>((resolve, reject) => {
      const timer = setTimeout(() => connection.#shutdown(new LightProtocolError('lightproto.timeout', `no light session with ${options.node.host}:${options.node.port} within ${options.connectTimeoutMs ?? 10_000} ms`)), options.connectTimeoutMs ?? 10_000);
      const onClosed = (error: LightProtocolError) => {
        clearTimeout(timer);
        reject(error);
      };
      connection.once('closed', onClosed);
      connection.#onReady = () => {
        clearTimeout(timer);
        connection.off('closed', onClosed);
        connection.#startHeartbeat();
        resolve(connection);
      };
      socket.on('connect', () => connection.#write(session.start()));
      socket.on('data', (chunk: Buffer) => {
        connection.traffic.bytesReceived += chunk.length;
        // A copy: the frame decoder keeps pieces of chunks across reads.
        connection.#apply(session.receive(new Uint8Array(chunk)));
      });
      socket.on('end', () => connection.#apply(session.end()));
      socket.on('error', (error) => connection.#shutdown(new LightProtocolError('lightproto.closed', `connection to ${options.node.host}:${options.node.port} failed: ${error.message}`, { cause: error })));
      socket.on('close', () => connection.#shutdown(new LightProtocolError('lightproto.closed', 'the connection closed')));
    });
    return { session, connection: ready };
  }

  #onReady: (() => void) | null = null;

  /** The node's latest status (best epoch etc.). */
  get status(): StatusPong {
    return this.session.status!;
  }

  get closed(): boolean {
    return this.#closedWith !== null;
  }

  get pendingRequests(): number {
    return this.#pending.size;
  }

  /**
   * Sends a request and waits for its answer (items the node could not produce are missing).
   * @throws {LightProtocolError} `lightproto.request_invalid`, `lightproto.timeout`, `lightproto.throttled`, or the error that closed the session
   */
  request(request: LightRequest, timeoutMs = this.options.requestTimeoutMs ?? 20_000): Promise<LightAnswer> {
    if (this.#closedWith !== null) return Promise.reject(this.#closedWith);
    let built: { requestId: number; send: Uint8Array };
    try {
      built = this.session.request(request);
    } catch (error) {
      return Promise.reject(error);
    }
    this.traffic.requests++;
    return new Promise<LightAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(built.requestId);
        this.session.cancel(built.requestId);
        reject(new LightProtocolError('lightproto.timeout', `no answer to a ${request.kind} request within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(built.requestId, { resolve, reject, timer });
      this.#write(built.send);
    });
  }

  /** Closes the session (a Disconnect is sent when possible). */
  close(): void {
    if (this.#closedWith !== null) return;
    const bye = this.session.close();
    if (bye !== null && !this.socket.destroyed) this.socket.end(bye);
    this.#shutdown(new LightProtocolError('lightproto.closed', 'the session was closed'));
  }

  #write(bytes: Uint8Array): void {
    if (this.socket.destroyed) return;
    this.traffic.bytesSent += bytes.length;
    this.socket.write(bytes);
  }

  #startHeartbeat(): void {
    const every = this.options.heartbeatMs ?? 60_000;
    this.#heartbeat = setInterval(() => {
      if (Date.now() - this.#lastStatusAt > 2 * every + 10_000) {
        this.#shutdown(new LightProtocolError('lightproto.timeout', 'the node stopped answering status pings'));
        return;
      }
      try {
        this.#write(this.session.ping());
      } catch (error) {
        if (error instanceof LightProtocolError) this.#shutdown(error);
      }
    }, every);
    this.#heartbeat.unref();
  }

  #apply(output: SessionOutput): void {
    for (const bytes of output.send) this.#write(bytes);
    for (const event of output.events) {
      switch (event.type) {
        case 'ready':
          this.#lastStatusAt = Date.now();
          this.#onReady?.();
          this.#onReady = null;
          break;
        case 'status':
          this.#lastStatusAt = Date.now();
          this.emit('status', event.status);
          break;
        case 'new_block_hashes':
          this.emit('new_block_hashes', event.hashes);
          break;
        case 'answer': {
          const pending = this.#pending.get(event.answer.requestId);
          if (pending === undefined) break;
          this.#pending.delete(event.answer.requestId);
          clearTimeout(pending.timer);
          pending.resolve(event.answer);
          break;
        }
        case 'throttled': {
          const error = new LightProtocolError('lightproto.throttled', 'the node throttled the request', { details: `wait ${event.waitNanos} ns` });
          const pending = event.requestId === null ? undefined : this.#pending.get(event.requestId);
          if (pending !== undefined && event.requestId !== null) {
            this.#pending.delete(event.requestId);
            clearTimeout(pending.timer);
            pending.reject(error);
          }
          break;
        }
        case 'closed':
          this.#shutdown(event.error);
          break;
      }
    }
  }

  #shutdown(error: LightProtocolError): void {
    if (this.#closedWith !== null) return;
    this.#closedWith = error;
    clearInterval(this.#heartbeat);
    this.session.close();
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pending.clear();
    this.socket.destroy();
    this.emit('closed', error);
  }
}
