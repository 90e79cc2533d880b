/**
 * Node addresses as `<nodeId>@<host>:<port>` (or `cfxnode://<nodeId>@<host>:<port>`, the form of
 * published bootnodes), where the node id is its 64-byte public key in hex.
 */
import { hexToBytes } from '../../core/encoding/hex.js';
import { InvalidInputError } from '../../core/errors.js';
import { uncompressedPoint } from '../../core/lightproto/ecies.js';

export interface NodeAddress {
  readonly nodeId: Uint8Array;
  readonly host: string;
  readonly port: number;
}

const NODE_URL = /^(?:cfxnode:\/\/)?(?:0x)?([0-9a-fA-F]{128})@(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/**
 * @throws {InvalidInputError} when the text is not a node address or the id is not a curve point
 */
export function parseNodeAddress(text: string): NodeAddress {
  const m = NODE_URL.exec(text.trim());
  if (m === null) throw new InvalidInputError(`not a node address (expected <nodeId>@<host>:<port>): ${text.slice(0, 40)}`);
  const port = Number(m[3]);
  if (port < 1 || port > 65535) throw new InvalidInputError(`port out of range: ${port}`);
  const nodeId = hexToBytes(`0x${m[1]!}`, 64, 'node id');
  try {
    uncompressedPoint(nodeId, 'node id');
  } catch (cause) {
    throw new InvalidInputError('the node id is not a secp256k1 public key', { cause });
  }
  const host = m[2]!.startsWith('[') ? m[2]!.slice(1, -1) : m[2]!;
  return { nodeId, host, port };
}

export function formatNodeAddress(address: NodeAddress): string {
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `${Buffer.from(address.nodeId).toString('hex')}@${host}:${address.port}`;
}
