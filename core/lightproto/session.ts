/**
 * One `clp` session with a full node, as a state machine without IO (smoldot style): the driver
 * feeds it the bytes it receives and sends the bytes it returns; answers come out as events.
 *
 *   handshake ──ack──▶ hello ──node's Hello──▶ status ──StatusPong──▶ ready ──▶ closed
 *
 * After the handshake both sides send Hello; we then send `StatusPingV2` (which must be the first
 * `clp` message) and the node's `StatusPongV2` must name our chain and genesis. In `ready`,
 * {@link LightSession.request} builds requests (validated, with fresh request ids) and every answer
 * is matched to the request it answers: its kind must be the asked kind and each item must answer
 * an asked item (missing items are allowed — the node drops what it cannot produce). The node
 * drops a light peer whose last status ping is 180 s old: drivers call {@link LightSession.ping}
 * well within that (the machine has no clock).
 *
 * Threat model: the node and the path are untrusted; nothing after the handshake is encrypted or
 * authenticated. Any malformed, oversized or unexpected input closes the session with one typed
 * {@link LightProtocolError} (a `closed` event); the machine then ignores further input. It never
 * builds a request from unvalidated input. What answers *mean* is verified elsewhere.
 * @module
 */
import { bytesToHex } from '../encoding/hex.js';
import { publicKey64, randomSecretKey, uncompressedPoint, type RandomBytes } from './ecies.js';
import { LightProtocolError } from './errors.js';
import { FrameDecoder, encodeFrame } from './frame.js';
import { encodeAckOfAck, encodeAuth, readAckOfAuth } from './handshake.js';
import { decodeHello, encodeHello, type Hello } from './hello.js';
import { CLP_PROTOCOL, encodeDisconnect, encodeSessionPacket, parseSessionPacket, readDisconnect } from './packet.js';
import { encodeLightRequest, encodeStatusPing, validateLightRequest, type LightRequest } from './requests.js';
import { checkAnswerItems } from './answer-match.js';
import { decodeLightMessage, type LightAnswer, type StatusPong } from './responses.js';

export interface LightSessionOptions {
  /** The node's 64-byte public key. */
  readonly nodeId: Uint8Array;
  /** The chain's id (also the P2P network id): 1029 mainnet, 1 testnet, the dev node's own. */
  readonly chainId: number;
  readonly genesisHash: Uint8Array;
  readonly random: RandomBytes;
  /** Endpoint announced in our Hello (the node only records it; ports must be non-zero). */
  readonly endpoint?: { readonly ip: Uint8Array; readonly udpPort: number; readonly tcpPort: number };
  /** Largest frame accepted from the node (default: the protocol's 16 MiB). */
  readonly maxFramePayload?: number;
  /**
   * Send our Hello only after the node's (default: at once). For learning a node's network: a
   * node that reads a Hello naming another network may disconnect before sending its own.
   */
  readonly helloAfterNode?: boolean;
}

export type SessionPhase = 'handshake' | 'hello' | 'status' | 'ready' | 'closed';

export type SessionEvent =
  | { readonly type: 'ready'; readonly status: StatusPong }
  | { readonly type: 'status'; readonly status: StatusPong }
  | { readonly type: 'answer'; readonly answer: LightAnswer }
  | { readonly type: 'throttled'; readonly requestId: number | null; readonly waitNanos: bigint }
  | { readonly type: 'new_block_hashes'; readonly hashes: readonly string[] }
  | { readonly type: 'closed'; readonly error: LightProtocolError };

export interface SessionOutput {
  /** Bytes to write to the connection, in order. */
  readonly send: Uint8Array[];
  readonly events: SessionEvent[];
}

/** Cancelled request ids remembered so a late answer is dropped instead of being unexpected. */
const CANCELLED_MEMORY = 1024;
/** Node types a light client talks to (archive 0, full 1). */
const SERVING_NODE_TYPES = new Set([0, 1]);

function unexpected(message: string): LightProtocolError {
  return new LightProtocolError('lightproto.unexpected', message);
}

export class LightSession {
  #phase: SessionPhase = 'handshake';
  readonly #secret: Uint8Array;
  readonly #nodeId: Uint8Array;
  readonly #frames: FrameDecoder;
  #nonce: Uint8Array | null = null;
  #nextRequestId = 1;
  readonly #pending = new Map<number, LightRequest>();
  readonly #cancelled = new Set<number>();
  #status: StatusPong | null = null;
  #peerHello: Hello | null = null;

  constructor(private readonly options: LightSessionOptions) {
    this.#nodeId = Uint8Array.from(options.nodeId);
    uncompressedPoint(this.#nodeId, 'nodeId');
    if (!Number.isSafeInteger(options.chainId) || options.chainId < 0) throw new RangeError('chainId must be a non-negative integer');
    if (!(options.genesisHash instanceof Uint8Array) || options.genesisHash.length !== 32) throw new RangeError('genesisHash must be 32 bytes');
    this.#secret = randomSecretKey(options.random);
    this.#frames = new FrameDecoder(options.maxFramePayload);
  }

  get phase(): SessionPhase {
    return this.#phase;
  }

  /** Our (per-session) node id, as the node sees it. */
  get ourNodeId(): Uint8Array {
    return publicKey64(this.#secret);
  }

  /** The node's latest status (best epoch, terminals), once ready. */
  get status(): StatusPong | null {
    return this.#status;
  }

  /** The node's Hello once received (kept after the session closes: it names the node's network). */
  get peerHello(): Hello | null {
    return this.#peerHello;
  }

  /** Requests sent and not answered, throttled or cancelled yet. */
  get pendingRequests(): number {
    return this.#pending.size;
  }

  /** The first bytes to send: handshake message 1. Call once, right after connecting. */
  start(): Uint8Array {
    if (this.#phase !== 'handshake' || this.#nonce !== null) throw new LightProtocolError('lightproto.closed', 'the session has already started');
    const auth = encodeAuth(this.#nodeId, this.#secret, this.options.random);
    this.#nonce = auth.nonce;
    return encodeFrame(auth.message);
  }

  /** Feeds received bytes; returns what to send and what happened. */
  receive(chunk: Uint8Array): SessionOutput {
    const out: SessionOutput = { send: [], events: [] };
    if (this.#phase === 'closed') return out;
    try {
      for (const frame of this.#frames.push(chunk)) {
        this.#onFrame(frame, out);
        if (this.phase === 'closed') break;
      }
    } catch (error) {
      this.#fail(error, out);
    }
    return out;
  }

  /** The connection ended (or failed): the session is closed. */
  end(reason?: LightProtocolError): SessionOutput {
    const out: SessionOutput = { send: [], events: [] };
    if (this.#phase === 'closed') return out;
    try {
      this.#frames.end();
      if (reason !== undefined) throw reason;
      throw new LightProtocolError(
        'lightproto.closed',
        this.#phase === 'handshake' ? 'the node closed the connection during the handshake (it accepts one light session per source address)' : 'the node closed the connection',
      );
    } catch (error) {
      this.#fail(error, out);
    }
    return out;
  }

  /**
   * Builds a request for the node (validated; see `requests.ts`).
   * @throws {LightProtocolError} `lightproto.closed` unless ready, `lightproto.request_invalid`
   */
  request(request: LightRequest): { requestId: number; send: Uint8Array } {
    if (this.#phase !== 'ready') throw new LightProtocolError('lightproto.closed', `the session is ${this.#phase}, not ready`);
    const valid = validateLightRequest(request);
    const requestId = this.#nextRequestId++;
    const send = this.#user(encodeLightRequest(requestId, valid));
    this.#pending.set(requestId, valid);
    return { requestId, send };
  }

  /** Forgets a request (e.g. it timed out); a late answer to it is then dropped. */
  cancel(requestId: number): void {
    if (!this.#pending.delete(requestId)) return;
    this.#cancelled.add(requestId);
    if (this.#cancelled.size > CANCELLED_MEMORY) this.#cancelled.delete(this.#cancelled.values().next().value!);
  }

  /** The heartbeat: a status ping (the node answers with a `status` event). */
  ping(): Uint8Array {
    if (this.#phase !== 'ready') throw new LightProtocolError('lightproto.closed', `the session is ${this.#phase}, not ready`);
    return this.#user(encodeStatusPing(this.options.chainId, this.options.genesisHash));
  }

  /** Ends the session politely: the bytes of a Disconnect packet (or null when already closed). */
  close(): Uint8Array | null {
    const wasOpen = this.#phase === 'hello' || this.#phase === 'status' || this.#phase === 'ready';
    this.#closeState();
    return wasOpen ? encodeFrame(encodeSessionPacket({ kind: 'disconnect', body: encodeDisconnect({ code: 0, text: '' }) })) : null;
  }

  #user(message: Uint8Array): Uint8Array {
    return encodeFrame(encodeSessionPacket({ kind: 'user', protocol: CLP_PROTOCOL, body: message }));
  }

  #closeState(): void {
    this.#phase = 'closed';
    this.#pending.clear();
    this.#secret.fill(0);
  }

  #fail(error: unknown, out: SessionOutput): void {
    const typed = error instanceof LightProtocolError ? error : new LightProtocolError('lightproto.message', 'malformed input from the node', { cause: error });
    this.#closeState();
    out.events.push({ type: 'closed', error: typed });
  }

  #onFrame(frame: Uint8Array, out: SessionOutput): void {
    if (this.#phase === 'handshake') {
      if (this.#nonce === null) throw new LightProtocolError('lightproto.handshake', 'the node spoke before the handshake started');
      const nodeNonce = readAckOfAuth(this.#secret, this.#nonce, frame);
      out.send.push(encodeFrame(encodeAckOfAck(this.#nodeId, nodeNonce, this.options.random)));
      if (this.options.helloAfterNode !== true) out.send.push(this.#hello());
      this.#phase = 'hello';
      return;
    }
    const packet = parseSessionPacket(frame);
    if (packet.kind === 'disconnect') {
      const reason = readDisconnect(packet.body);
      throw new LightProtocolError('lightproto.disconnected', `the node disconnected: ${reason.text}`, { details: `reason ${reason.code}: ${reason.text}` });
    }
    if (packet.kind === 'hello') {
      if (this.#phase !== 'hello') throw unexpected('a second Hello');
      const hello = decodeHello(packet.body);
      this.#peerHello = hello;
      // Sent even to a node on another network: its refusal ends the session on its side too.
      if (this.options.helloAfterNode === true) out.send.push(this.#hello());
      if (hello.networkId !== this.options.chainId) throw new LightProtocolError('lightproto.hello', `the node is on network ${hello.networkId}, not ${this.options.chainId}`);
      if (!hello.protocols.some((p) => p.name === CLP_PROTOCOL && p.version >= 1)) throw new LightProtocolError('lightproto.hello', 'the node does not serve the light protocol');
      out.send.push(this.#user(encodeStatusPing(this.options.chainId, this.options.genesisHash)));
      this.#phase = 'status';
      return;
    }
    if (packet.protocol !== CLP_PROTOCOL) throw new LightProtocolError('lightproto.packet', 'a message of another protocol than clp');
    if (this.#phase === 'hello') throw unexpected('a protocol message before Hello');
    this.#onMessage(packet.body, out);
  }

  #hello(): Uint8Array {
    const endpoint = this.options.endpoint ?? { ip: Uint8Array.of(127, 0, 0, 1), udpPort: 1, tcpPort: 1 };
    return encodeFrame(encodeSessionPacket({ kind: 'hello', body: encodeHello(this.options.chainId, endpoint) }));
  }

  #onMessage(body: Uint8Array, out: SessionOutput): void {
    const message = decodeLightMessage(body);
    if (this.#phase === 'status') {
      if (message.kind !== 'status') throw unexpected(`a ${message.kind} message before the status answer`);
      const status = message.status;
      if (status.chainId !== this.options.chainId) throw new LightProtocolError('lightproto.status', `the node reports chain ${status.chainId}, not ${this.options.chainId}`);
      if (status.genesisHash !== bytesToHex(this.options.genesisHash)) throw new LightProtocolError('lightproto.status', `the node reports genesis ${status.genesisHash}`);
      if (!SERVING_NODE_TYPES.has(status.nodeType)) throw new LightProtocolError('lightproto.status', `the node is of type ${status.nodeType}, not a full or archive node`);
      this.#status = status;
      this.#phase = 'ready';
      out.events.push({ type: 'ready', status });
      return;
    }
    switch (message.kind) {
      case 'status':
        if (message.status.chainId !== this.options.chainId || message.status.genesisHash !== bytesToHex(this.options.genesisHash)) throw new LightProtocolError('lightproto.status', 'the node changed its chain');
        this.#status = message.status;
        out.events.push({ type: 'status', status: message.status });
        return;
      case 'new_block_hashes':
        out.events.push({ type: 'new_block_hashes', hashes: message.hashes });
        return;
      case 'throttled':
        if (message.requestId !== null) {
          if (this.#cancelled.has(message.requestId)) return;
          if (!this.#pending.delete(message.requestId)) throw unexpected(`throttling of request ${message.requestId}, which is not pending`);
        }
        out.events.push({ type: 'throttled', requestId: message.requestId, waitNanos: message.waitNanos });
        return;
      default: {
        const request = this.#pending.get(message.requestId);
        if (request === undefined) {
          if (this.#cancelled.delete(message.requestId)) return;
          throw unexpected(`an answer to request ${message.requestId}, which is not pending`);
        }
        checkAnswerItems(request, message);
        this.#pending.delete(message.requestId);
        out.events.push({ type: 'answer', answer: message });
      }
    }
  }
}
