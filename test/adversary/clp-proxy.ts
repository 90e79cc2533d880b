/**
 * A TCP proxy between a light-protocol client and a real node that lies on demand. The transport
 * has no encryption or MAC after the handshake, so anything on the path can do exactly this: it
 * passes the handshake through, then reads every session packet, and rewrites `StateEntries`
 * answers (and, for one attack, the `GetStateEntries` request) at the RLP level.
 *
 * Attacks (switched at run time):
 * - `value`: the claimed entry's last byte changed;
 * - `sibling`: one child hash of a proof node changed;
 * - `path`: a compressed path nibble changed (one the node's hash commits);
 * - `uncommitted_path`: the byte of a zero-step path changed (a one-byte path whose mask drops both
 *   nibbles: the hash does not cover it, so the answer still proves the same value);
 * - `state_root`: the delta root of the state-root triple changed;
 * - `prev_snapshot`: the previous snapshot root changed;
 * - `epoch`: the answer relabelled as another epoch;
 * - `epoch_swap`: the request asks the node for the previous epoch and the answer is relabelled
 *   as the epoch that was asked (a consistent-looking answer about the wrong state);
 * - `drop`: the first item removed;
 * - `truncate`: half of the answer's frame sent, then the connection closed.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { decodeRlp, encodeRlp, rlpInt, rlpToBigInt, type RlpDecoded } from '../../core/encoding/rlp.js';
import { encodeFrame, FrameDecoder } from '../../core/lightproto/frame.js';
import { MSG, splitMessageId, withMessageId } from '../../core/lightproto/message-id.js';
import { encodeSessionPacket, parseSessionPacket } from '../../core/lightproto/packet.js';

export type ClpAttack = 'honest' | 'value' | 'sibling' | 'path' | 'uncommitted_path' | 'state_root' | 'prev_snapshot' | 'epoch' | 'epoch_swap' | 'drop' | 'truncate';

const list = (x: RlpDecoded | undefined): RlpDecoded[] => {
  if (!Array.isArray(x)) throw new Error('expected a list');
  return x;
};
const bytes = (x: RlpDecoded | undefined): Uint8Array => {
  if (!(x instanceof Uint8Array)) throw new Error('expected bytes');
  return x;
};
const flipLast = (b: Uint8Array) => Uint8Array.from(b, (v, i) => (i === b.length - 1 ? v ^ 1 : v));
const flipFirst = (b: Uint8Array) => Uint8Array.from(b, (v, i) => (i === 0 ? v ^ 0xff : v));

/** The proof nodes of every non-empty trie proof of a `StateEntryWithKey` item. */
function proofNodes(item: RlpDecoded[]): RlpDecoded[][] {
  const stateProof = list(list(item[2])[0]);
  return stateProof.flatMap((option) => list(option).map((nodes) => list(nodes).map(list))).flat();
}

/** Applies an attack to the items of a StateEntries answer (in place); returns whether it applied. */
function attackItems(attack: ClpAttack, items: RlpDecoded[], relabel: number | undefined): boolean {
  if (attack === 'drop') return items.shift() !== undefined;
  let applied = false;
  for (const raw of items) {
    const item = list(raw);
    const key = list(item[0]);
    const proof = list(item[2]);
    switch (attack) {
      case 'value': {
        const entry = list(item[1]);
        if (entry.length === 1 && !applied) {
          entry[0] = flipLast(bytes(entry[0]));
          applied = true;
        }
        break;
      }
      case 'sibling': {
        const node = proofNodes(item).find((n) => list(n[1]).length === 16);
        if (node !== undefined && !applied) {
          const children = list(node[1]);
          children[0] = flipFirst(bytes(children[0]));
          applied = true;
        }
        break;
      }
      case 'path':
      case 'uncommitted_path': {
        const zeroSteps = (n: RlpDecoded[]) => bytes(list(n[3])[1]).length === 1 && rlpToBigInt(list(n[3])[0], 'mask') === 0xffn;
        const node = proofNodes(item).find((n) => n.length === 4 && bytes(list(n[3])[1]).length >= (attack === 'path' ? 2 : 1) && zeroSteps(n) === (attack === 'uncommitted_path'));
        if (node !== undefined && !applied) {
          const path = list(node[3]);
          const old = bytes(path[1]);
          path[1] = Uint8Array.from(old, (v, i) => (i === old.length - 1 ? v ^ 0x10 : v));
          applied = true;
        }
        break;
      }
      case 'state_root': {
        const root = list(proof[1]);
        root[2] = flipLast(bytes(root[2]));
        applied = true;
        break;
      }
      case 'prev_snapshot': {
        const prev = list(proof[2]);
        if (prev.length === 1) {
          const root = list(prev[0]);
          root[1] = flipLast(bytes(root[1]));
          applied = true;
        }
        break;
      }
      case 'epoch':
        key[0] = rlpInt(rlpToBigInt(key[0], 'epoch') - 1n);
        applied = true;
        break;
      case 'epoch_swap':
        if (relabel !== undefined) {
          key[0] = rlpInt(relabel);
          applied = true;
        }
        break;
    }
  }
  return applied;
}

export class ClpProxy {
  attack: ClpAttack = 'honest';
  /** Answers altered so far (a test checks its attack really happened). */
  applied = 0;
  private readonly sockets = new Set<Socket>();
  private nextSource = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /**
   * @param sourceAddresses loopback addresses to dial the node from, in turn (a node accepts one
   *   light session per address and may take a moment to forget a closed one)
   */
  static async start(upstream: { host: string; port: number }, sourceAddresses: readonly string[] = ['127.0.0.1']): Promise<ClpProxy> {
    let proxy: ClpProxy | undefined;
    const server = createServer((client) => proxy!.pipe(client, upstream, sourceAddresses[proxy!.nextSource++ % sourceAddresses.length]!));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    proxy = new ClpProxy(server, typeof address === 'object' && address !== null ? address.port : 0);
    return proxy;
  }

  private pipe(client: Socket, upstream: { host: string; port: number }, localAddress: string): void {
    const node = connect({ ...upstream, localAddress });
    this.sockets.add(client).add(node);
    const up = new FrameDecoder();
    const down = new FrameDecoder();
    let upFrames = 0;
    let downFrames = 0;
    /** Original epochs of swapped requests, by request id. */
    const swapped = new Map<bigint, number>();
    let cut = false;
    const closeBoth = () => {
      // After a truncation the client side is only ended, never destroyed: destroying a socket
      // with unread input sends a reset, which can discard the half frame on the wallet's side.
      if (!cut) client.destroy();
      node.destroy();
    };
    client.on('close', closeBoth).on('error', closeBoth);
    node.on('close', closeBoth).on('error', closeBoth);

    client.on('data', (chunk: Buffer) => {
      if (cut) return;
      for (const frame of up.push(new Uint8Array(chunk))) {
        upFrames++;
        let out = frame;
        // Frames 1 and 2 are handshake messages; then session packets.
        if (upFrames > 2 && this.attack === 'epoch_swap') out = this.rewriteRequest(frame, swapped);
        node.write(encodeFrame(out));
      }
    });
    node.on('data', (chunk: Buffer) => {
      if (cut) return;
      for (const frame of down.push(new Uint8Array(chunk))) {
        downFrames++;
        const out = downFrames > 1 ? this.rewriteAnswer(frame, swapped) : frame;
        if (out === 'truncate') {
          const framed = encodeFrame(frame);
          cut = true;
          client.end(framed.subarray(0, framed.length >> 1));
          node.destroy();
          return;
        }
        client.write(encodeFrame(out));
      }
    });
  }

  private rewriteRequest(frame: Uint8Array, swapped: Map<bigint, number>): Uint8Array {
    const packet = parseSessionPacket(frame);
    if (packet.kind !== 'user') return frame;
    const { id, rlp } = splitMessageId(packet.body);
    if (id !== MSG.GET_STATE_ENTRIES) return frame;
    const [rid, keys] = list(decodeRlp(rlp));
    for (const key of list(keys)) {
      const k = list(key);
      const epoch = rlpToBigInt(k[0], 'epoch');
      swapped.set(rlpToBigInt(rid, 'rid'), Number(epoch));
      k[0] = rlpInt(epoch - 1n);
    }
    return encodeSessionPacket({ kind: 'user', protocol: 'clp', body: withMessageId(encodeRlp([rid!, keys!]), id) });
  }

  private rewriteAnswer(frame: Uint8Array, swapped: Map<bigint, number>): Uint8Array | 'truncate' {
    if (this.attack === 'honest') return frame;
    const packet = parseSessionPacket(frame);
    if (packet.kind !== 'user') return frame;
    const { id, rlp } = splitMessageId(packet.body);
    if (id !== MSG.STATE_ENTRIES) return frame;
    if (this.attack === 'truncate') {
      this.applied++;
      return 'truncate';
    }
    const [rid, items] = list(decodeRlp(rlp));
    if (attackItems(this.attack, list(items), swapped.get(rlpToBigInt(rid, 'rid')))) this.applied++;
    return encodeSessionPacket({ kind: 'user', protocol: 'clp', body: withMessageId(encodeRlp([rid!, items!]), id) });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
