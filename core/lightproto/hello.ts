/**
 * The Hello packet both sides send after the handshake (`write_hello`/`read_hello` in
 * conflux-rust's session.rs): `[network_id, [[protocol, version]…], [ip, udp_port, tcp_port],
 * pos_public_key?]`.
 *
 * The node drops a peer whose network id differs from its own, that shares no protocol with it or
 * announces a zero port. Its own Hello is read strictly: a network other than the one we dialled
 * for, or no `clp`, ends the session.
 * @module
 */
import { encodeRlp, decodeRlp, rlpBytes, rlpInt, rlpList, rlpToBigInt, type RlpDecoded } from '../encoding/rlp.js';
import { LightProtocolError } from './errors.js';
import { CLP_PROTOCOL } from './packet.js';

/** Light protocol version spoken here (the node accepts 1 and 2). */
export const CLP_VERSION = 2;

export interface Hello {
  readonly networkId: number;
  readonly protocols: readonly { readonly name: string; readonly version: number }[];
  /** IPv4 (4 bytes) or IPv6 (16 bytes) the peer claims; the node uses the socket's address instead. */
  readonly ip: Uint8Array;
  readonly udpPort: number;
  readonly tcpPort: number;
  /** The node's PoS public keys (BLS ‖ VRF), when it sends them. */
  readonly posPublicKey: Uint8Array | null;
}

function port(value: number, title: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new RangeError(`${title} must be within 1 … 65535`);
  return value;
}

/** Our Hello: only `clp` version 2, ports as given (they must be non-zero). */
export function encodeHello(networkId: number, endpoint: { ip: Uint8Array; udpPort: number; tcpPort: number }): Uint8Array {
  if (!Number.isSafeInteger(networkId) || networkId < 0) throw new RangeError('networkId must be a non-negative integer');
  if (endpoint.ip.length !== 4 && endpoint.ip.length !== 16) throw new RangeError('ip must be 4 or 16 bytes');
  return encodeRlp([
    rlpInt(networkId),
    [[new TextEncoder().encode(CLP_PROTOCOL), rlpInt(CLP_VERSION)]],
    [endpoint.ip, rlpInt(port(endpoint.udpPort, 'udpPort')), rlpInt(port(endpoint.tcpPort, 'tcpPort'))],
  ]);
}

function small(item: RlpDecoded | undefined, title: string, bytes: number): number {
  return Number(rlpToBigInt(item, title, bytes));
}

/**
 * @throws {LightProtocolError} `lightproto.hello`
 */
export function decodeHello(body: Uint8Array): Hello {
  try {
    const items = rlpList(decodeRlp(body), 'hello');
    if (items.length !== 3 && items.length !== 4) throw new LightProtocolError('lightproto.hello', `hello has ${items.length} items`);
    const protocols = rlpList(items[1], 'hello protocols').map((p) => {
      const [name, version, ...extra] = rlpList(p, 'hello protocol');
      if (extra.length > 0) throw new LightProtocolError('lightproto.hello', 'hello protocol entry has extra items');
      const nameBytes = rlpBytes(name, 'protocol name');
      if (nameBytes.length !== 3) throw new LightProtocolError('lightproto.hello', 'protocol name is not 3 bytes');
      return { name: String.fromCharCode(...nameBytes), version: small(version, 'protocol version', 1) };
    });
    const endpoint = rlpList(items[2], 'hello endpoint');
    if (endpoint.length !== 3) throw new LightProtocolError('lightproto.hello', 'hello endpoint must have 3 items');
    const ip = rlpBytes(endpoint[0], 'ip');
    if (ip.length !== 4 && ip.length !== 16) throw new LightProtocolError('lightproto.hello', 'hello ip must be 4 or 16 bytes');
    return {
      networkId: small(items[0], 'network id', 6),
      protocols,
      ip,
      udpPort: small(endpoint[1], 'udp port', 2),
      tcpPort: small(endpoint[2], 'tcp port', 2),
      posPublicKey: items.length === 4 ? rlpBytes(items[3], 'pos public key') : null,
    };
  } catch (error) {
    if (error instanceof LightProtocolError) throw error;
    throw new LightProtocolError('lightproto.hello', 'malformed hello', { cause: error });
  }
}
