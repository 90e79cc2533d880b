/**
 * The session state machine replayed against a real transcript (test/vectors/lightproto: every
 * byte a dev node sent, with the seeded randomness that reproduces our side byte for byte), fed
 * whole and one byte at a time; then hostile inputs on top of the real handshake.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { encodeRlp, rlpInt } from '../encoding/rlp.js';
import { parseStateKeyBytes } from '../state/keys.js';
import { encodeFrame } from './frame.js';
import { withMessageId } from './message-id.js';
import { encodeDisconnect, encodeSessionPacket } from './packet.js';
import type { LightRequest } from './requests.js';
import { LightSession, type SessionEvent } from './session.js';
import { seededRandom } from './testing/seeded-random.js';

interface Transcript {
  source: string;
  seed: string;
  nodeId: string;
  chainId: number;
  genesisHash: string;
  steps: { request: null | Record<string, unknown>; received: string }[];
}

const transcript = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/vectors/lightproto/dev-session-transcript.json'), 'utf8')) as Transcript;

function toRequest(json: Record<string, unknown>): LightRequest {
  switch (json.kind) {
    case 'state_entries':
      return { kind: 'state_entries', entries: (json.entries as { epoch: number; key: string }[]).map((e) => ({ epoch: e.epoch, key: parseStateKeyBytes(hexToBytes(e.key)) })) };
    case 'block_headers':
      return { kind: 'block_headers', hashes: (json.hashes as string[]).map((h) => hexToBytes(h)) };
    case 'state_roots':
      return { kind: 'state_roots', epochs: json.epochs as number[] };
    default:
      return { kind: 'witness_info', heights: json.heights as number[] };
  }
}

function session(seed = transcript.seed): LightSession {
  return new LightSession({ nodeId: hexToBytes(transcript.nodeId), chainId: transcript.chainId, genesisHash: hexToBytes(transcript.genesisHash), random: seededRandom(seed) });
}

/** Feeds bytes whole or byte by byte; returns the events. */
function feed(s: LightSession, bytes: Uint8Array, byteByByte: boolean): SessionEvent[] {
  const events: SessionEvent[] = [];
  if (!byteByByte) return s.receive(bytes).events;
  for (const b of bytes) events.push(...s.receive(Uint8Array.of(b)).events);
  return events;
}

/** A session replayed up to ready (the real handshake, Hello and status). */
function ready(): LightSession {
  const s = session();
  s.start();
  const events = s.receive(hexToBytes(transcript.steps[0]!.received)).events;
  expect(events.map((e) => e.type)).toEqual(['ready']);
  return s;
}

const userFrame = (message: Uint8Array) => encodeFrame(encodeSessionPacket({ kind: 'user', protocol: 'clp', body: message }));

describe.each([false, true])('replay of a real session (byte by byte: %s)', (byteByByte) => {
  test('handshake, Hello, status, then every recorded request answered', () => {
    const s = session();
    const auth = s.start();
    expect(auth.length).toBe(3 + 209);
    const [handshake, ...requests] = transcript.steps;
    const events = feed(s, hexToBytes(handshake!.received), byteByByte);
    expect(events).toHaveLength(1);
    const readyEvent = events[0]!;
    expect(readyEvent.type).toBe('ready');
    if (readyEvent.type === 'ready') expect(readyEvent.status).toMatchObject({ chainId: transcript.chainId, genesisHash: transcript.genesisHash, nodeType: 1 });
    for (const step of requests) {
      const request = toRequest(step.request!);
      s.request(request);
      const answers = feed(s, hexToBytes(step.received), byteByByte).filter((e) => e.type === 'answer');
      expect(answers).toHaveLength(1);
      const answer = answers[0]!.type === 'answer' ? answers[0]!.answer : null;
      expect(answer?.kind).toBe(request.kind);
      expect(answer?.items.length).toBeGreaterThan(0);
    }
    expect(s.pendingRequests).toBe(0);
    expect(s.phase).toBe('ready');
  });
});

describe('the handshake', () => {
  test('our side is reproducible from the seed (what the node accepted)', () => {
    expect(bytesToHex(session().start())).toBe(bytesToHex(session().start()));
    expect(bytesToHex(session().start())).not.toBe(bytesToHex(session('another seed').start()));
  });

  test('another key cannot read the node answer: the session closes with an ECIES error', () => {
    const s = session('another seed');
    s.start();
    const events = s.receive(hexToBytes(transcript.steps[0]!.received)).events;
    expect(events.map((e) => e.type)).toEqual(['closed']);
    expect(events[0]!.type === 'closed' && events[0]!.error.code).toBe('lightproto.ecies');
    expect(s.receive(new Uint8Array(10)).events).toEqual([]);
  });

  test('a handshake answer of the wrong size', () => {
    const s = session();
    s.start();
    const events = s.receive(encodeFrame(new Uint8Array(176))).events;
    expect(events[0]!.type === 'closed' && events[0]!.error.code).toBe('lightproto.handshake');
  });

  test('our Hello can wait for the node’s, and then goes out even to a node on another network', () => {
    const received = hexToBytes(transcript.steps[0]!.received);
    const ackEnd = 3 + 177; // the first frame: the node's answer to our handshake
    const options = () => ({ nodeId: hexToBytes(transcript.nodeId), genesisHash: hexToBytes(transcript.genesisHash), random: seededRandom(transcript.seed), helloAfterNode: true });
    const waiting = new LightSession({ ...options(), chainId: transcript.chainId });
    waiting.start();
    expect(waiting.receive(received.subarray(0, ackEnd)).send).toHaveLength(1); // the ack only
    const rest = waiting.receive(received.subarray(ackEnd));
    expect(rest.send).toHaveLength(2); // our Hello, then the status ping
    expect(rest.events.map((e) => e.type)).toEqual(['ready']);

    const elsewhere = new LightSession({ ...options(), chainId: 7 });
    elsewhere.start();
    const out = elsewhere.receive(received);
    expect(out.send).toHaveLength(2); // the ack, and our Hello so the node ends its side too
    expect(out.events.map((e) => e.type === 'closed' && e.error.code)).toEqual(['lightproto.hello']);
    expect(elsewhere.peerHello?.networkId).toBe(transcript.chainId);
  });

  test('the node closing before the handshake says why it may have', () => {
    const s = session();
    s.start();
    const events = s.end().events;
    expect(events[0]!.type === 'closed' && events[0]!.error.code).toBe('lightproto.closed');
  });
});

describe('hostile input after a real handshake', () => {
  const closedWith = (s: LightSession, bytes: Uint8Array) => {
    const events = s.receive(bytes).events;
    expect(s.phase).toBe('closed');
    const last = events.at(-1)!;
    return last.type === 'closed' ? last.error.code : `no close: ${last.type}`;
  };

  test('an answer to a request that was never sent', () => {
    const answer = withMessageId(encodeRlp([rlpInt(99), []]), 0x02);
    expect(closedWith(ready(), userFrame(answer))).toBe('lightproto.unexpected');
  });

  test('an answer of another kind than asked', () => {
    const s = ready();
    const { requestId } = s.request({ kind: 'state_roots', epochs: [5] });
    expect(closedWith(s, userFrame(withMessageId(encodeRlp([rlpInt(requestId), []]), 0x11)))).toBe('lightproto.unexpected');
  });

  test('items that were not asked, or repeated', () => {
    const root = [new Uint8Array(32), new Uint8Array(32), new Uint8Array(32)];
    const s = ready();
    const { requestId } = s.request({ kind: 'state_roots', epochs: [5] });
    expect(closedWith(s, userFrame(withMessageId(encodeRlp([rlpInt(requestId), [[rlpInt(6), root]]]), 0x02)))).toBe('lightproto.unexpected');
    const t = ready();
    const second = t.request({ kind: 'state_roots', epochs: [5] });
    expect(closedWith(t, userFrame(withMessageId(encodeRlp([rlpInt(second.requestId), [[rlpInt(5), root], [rlpInt(5), root]]]), 0x02)))).toBe('lightproto.unexpected');
  });

  test('a late answer to a cancelled request is dropped; an empty answer is fine', () => {
    const s = ready();
    const { requestId } = s.request({ kind: 'state_roots', epochs: [5] });
    s.cancel(requestId);
    expect(s.receive(userFrame(withMessageId(encodeRlp([rlpInt(requestId), []]), 0x02))).events).toEqual([]);
    const again = s.request({ kind: 'state_roots', epochs: [5] });
    const events = s.receive(userFrame(withMessageId(encodeRlp([rlpInt(again.requestId), []]), 0x02))).events;
    expect(events.map((e) => e.type)).toEqual(['answer']);
  });

  test('malformed messages, unknown message ids, other protocols, a second Hello', () => {
    expect(closedWith(ready(), userFrame(withMessageId(hexToBytes('0xc3'), 0x02)))).toBe('lightproto.message');
    expect(closedWith(ready(), userFrame(withMessageId(encodeRlp([]), 0x03)))).toBe('lightproto.message');
    expect(closedWith(ready(), encodeFrame(encodeSessionPacket({ kind: 'user', protocol: 'cfx', body: hexToBytes('0xc018') })))).toBe('lightproto.packet');
    expect(closedWith(ready(), encodeFrame(encodeSessionPacket({ kind: 'hello', body: hexToBytes('0xc0') })))).toBe('lightproto.unexpected');
    expect(closedWith(ready(), encodeFrame(hexToBytes('0x01')))).toBe('lightproto.packet');
  });

  test('a Disconnect closes with its reason', () => {
    const s = ready();
    const events = s.receive(encodeFrame(encodeSessionPacket({ kind: 'disconnect', body: encodeDisconnect({ code: 100, text: 'light node sync heartbeat timeout' }) }))).events;
    const closed = events[0]!;
    expect(closed.type === 'closed' && [closed.error.code, closed.error.details]).toEqual(['lightproto.disconnected', 'reason 100: light node sync heartbeat timeout']);
  });

  test('a frame cut short by the end of the stream', () => {
    const s = ready();
    s.receive(userFrame(withMessageId(encodeRlp([]), 0x09)).subarray(0, 4));
    const closed = s.end().events[0]!;
    expect(closed.type === 'closed' && closed.error.code).toBe('lightproto.frame_truncated');
  });

  test('pushes and heartbeats: new block hashes, a status answer, a throttling notice', () => {
    const s = ready();
    const hash = new Uint8Array(32).fill(3);
    expect(s.receive(userFrame(withMessageId(encodeRlp([[hash]]), 0x09))).events).toEqual([{ type: 'new_block_hashes', hashes: [bytesToHex(hash)] }]);
    expect(s.ping().length).toBeGreaterThan(0);
    const { requestId } = s.request({ kind: 'witness_info', heights: [9] });
    const throttled = s.receive(userFrame(withMessageId(encodeRlp([rlpInt(0x10), rlpInt(1000), [rlpInt(requestId)]]), 0xfe))).events;
    expect(throttled).toEqual([{ type: 'throttled', requestId, waitNanos: 1000n }]);
    expect(s.pendingRequests).toBe(0);
  });

  test('requests are refused before the session is ready and after it closed', () => {
    const s = session();
    expect(() => s.request({ kind: 'state_roots', epochs: [1] })).toThrow(expect.objectContaining({ code: 'lightproto.closed' }));
    const r = ready();
    expect(r.close()).not.toBeNull();
    expect(() => r.request({ kind: 'state_roots', epochs: [1] })).toThrow(expect.objectContaining({ code: 'lightproto.closed' }));
    expect(r.close()).toBeNull();
  });
});
