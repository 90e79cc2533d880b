/**
 * Session packets (`SessionPacket` in conflux-rust's session.rs), the content of every frame after
 * the handshake:
 *
 *   body ‖ [protocol id, 3 bytes — user packets only] ‖ header byte (version << 1 | protocol flag) ‖ packet id
 *
 * Packet ids: Hello 0x80, Disconnect 0x01, user (a sub-protocol message) 0x10. A user packet's
 * body is one protocol message: RLP followed by its message id (see `message-id.ts`).
 *
 * Threat model: packets come from an unauthenticated stream. Parsing accepts exactly the shapes
 * conflux-rust produces (header version 0, no header extensions, a protocol only on user packets,
 * only the three packet ids) and rejects everything else with a typed error.
 * @module
 */
import { concatBytes } from '../encoding/hex.js';
import { LightProtocolError } from './errors.js';

export const PACKET_HELLO = 0x80;
export const PACKET_DISCONNECT = 0x01;
export const PACKET_USER = 0x10;

/** The light protocol's 3-byte id. */
export const CLP_PROTOCOL = 'clp';

export type SessionPacket =
  | { readonly kind: 'hello'; readonly body: Uint8Array }
  | { readonly kind: 'disconnect'; readonly body: Uint8Array }
  | { readonly kind: 'user'; readonly protocol: string; readonly body: Uint8Array };

const ASCII = new TextEncoder();
const UTF8 = new TextDecoder('utf-8', { fatal: false });

export function encodeSessionPacket(packet: SessionPacket): Uint8Array {
  switch (packet.kind) {
    case 'hello':
      return concatBytes(packet.body, Uint8Array.of(0, PACKET_HELLO));
    case 'disconnect':
      return concatBytes(packet.body, Uint8Array.of(0, PACKET_DISCONNECT));
    case 'user': {
      const id = ASCII.encode(packet.protocol);
      if (id.length !== 3) throw new RangeError('protocol id must be 3 ASCII bytes');
      return concatBytes(packet.body, id, Uint8Array.of(1, PACKET_USER));
    }
  }
}

/**
 * @throws {LightProtocolError} `lightproto.packet`
 */
export function parseSessionPacket(bytes: Uint8Array): SessionPacket {
  if (bytes.length < 2) throw new LightProtocolError('lightproto.packet', 'session packet shorter than its header');
  const id = bytes[bytes.length - 1]!;
  const header = bytes[bytes.length - 2]!;
  if (header & 0x10) throw new LightProtocolError('lightproto.packet', 'session packet header extensions are not supported');
  if ((header & 0x0f) >> 1 !== 0 || header & 0xe0) throw new LightProtocolError('lightproto.packet', `unknown session packet header 0x${header.toString(16)}`);
  const withProtocol = (header & 1) === 1;
  const rest = bytes.subarray(0, bytes.length - 2);
  if (!withProtocol) {
    if (id === PACKET_HELLO) return { kind: 'hello', body: rest };
    if (id === PACKET_DISCONNECT) return { kind: 'disconnect', body: rest };
    throw new LightProtocolError('lightproto.packet', `unknown session packet id 0x${id.toString(16)}`);
  }
  if (id !== PACKET_USER) throw new LightProtocolError('lightproto.packet', `packet id 0x${id.toString(16)} cannot carry a protocol`);
  if (rest.length < 3) throw new LightProtocolError('lightproto.packet', 'user packet without a protocol id');
  const protocol = String.fromCharCode(...rest.subarray(rest.length - 3));
  return { kind: 'user', protocol, body: rest.subarray(0, rest.length - 3) };
}

/** A Disconnect packet's reason (`DisconnectReason`): one code byte, then UTF-8 text for code 100. */
export interface DisconnectReason {
  readonly code: number;
  readonly text: string;
}

const REASONS: Record<number, string> = {
  0: 'disconnect requested',
  1: 'useless peer',
  2: 'wrong endpoint',
  3: 'IP limited',
  4: 'update node id failed',
  5: 'blacklisted',
};

export function encodeDisconnect(reason: DisconnectReason): Uint8Array {
  return concatBytes(Uint8Array.of(reason.code), reason.code === 100 ? ASCII.encode(reason.text) : new Uint8Array(0));
}

/** Reads a reason leniently: it is only shown, never acted on. */
export function readDisconnect(body: Uint8Array): DisconnectReason {
  if (body.length === 0) return { code: 0xff, text: 'no reason given' };
  const code = body[0]!;
  if (code === 100) return { code, text: UTF8.decode(body.subarray(1, 1 + 512)) };
  return { code, text: REASONS[code] ?? 'unknown' };
}
