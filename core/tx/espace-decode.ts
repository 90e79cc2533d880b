/**
 * Decodes a signed raw eSpace transaction back into validated fields and its sender.
 *
 * Threat model as for Core decoding: canonical RLP and integers only, exact field counts, v
 * consistent with the type (legacy: chainId·2 + 35 + yParity with chainId ≤ 2^32−1; unprotected
 * v = 27/28 is refused because the wallet never signs without replay protection), low-s, the same
 * field validation as signing, and a byte-for-byte re-encoding check.
 * @module
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '../encoding/hex.js';
import type { RlpDecoded } from '../encoding/rlp.js';
import { espaceAddressFromPublicKey } from '../keys/address.js';
import { decodeAccessList } from './access-list.js';
import { TxError } from './errors.js';
import { assembleSignedEspace, espaceUnsignedBytes } from './espace-sign.js';
import { espaceAddressCodec, prepareEspaceTransaction, type EspaceTransaction, type EspaceTransactionInput } from './espace-transaction.js';
import { assertActiveChain, readChainId, UINT32_MAX } from './fields.js';
import { readHex, readInt, readList, readSignature, readSmallInt, readTo, recoverSigner } from './raw-fields.js';
import { readRawTransaction, type DecodedTransaction } from './signed.js';

/**
 * Decodes and verifies a signed raw eSpace transaction.
 * @param options.chainId when given, the transaction must be for this chain
 */
export function decodeEspaceTransaction(raw: Uint8Array | string, options: { chainId?: number } = {}): DecodedTransaction<EspaceTransaction> {
  const bytes = readRawTransaction(raw);
  if (bytes.length === 0) throw new TxError('tx.raw', 'raw transaction is empty');
  const first = bytes[0]!;
  let input: EspaceTransactionInput;
  let yParity: number;
  let rItem: RlpDecoded | undefined;
  let sItem: RlpDecoded | undefined;
  if (first >= 0xc0) {
    const f = readList(bytes, 'transaction', [9]);
    const v = readInt(f[6], 'v', 8);
    if (v === 27n || v === 28n) throw new TxError('tx.unprotected', 'legacy transaction without EIP-155 replay protection', { details: 'v' });
    if (v < 35n) throw new TxError('tx.signature', `legacy v ${v} is neither 27/28 nor chainId·2+35+yParity`, { details: 'v' });
    const chainId = (v - 35n) / 2n;
    if (chainId > BigInt(UINT32_MAX)) throw new TxError('tx.chain_id', 'chain id encoded in v exceeds 2^32−1', { details: 'v' });
    yParity = Number((v - 35n) % 2n);
    input = {
      type: 0,
      chainId: readChainId(Number(chainId)),
      nonce: readInt(f[0], 'nonce', 32),
      gasPrice: readInt(f[1], 'gasPrice', 32),
      gas: readInt(f[2], 'gas', 32),
      to: readTo(f[3]),
      value: readInt(f[4], 'value', 32),
      data: readHex(f[5], 'data'),
    };
    [rItem, sItem] = [f[7], f[8]];
  } else if (first === 1) {
    const f = readList(bytes.subarray(1), 'transaction', [11]);
    input = {
      type: 1,
      chainId: readChainId(readSmallInt(f[0], 'chainId', 4)),
      nonce: readInt(f[1], 'nonce', 32),
      gasPrice: readInt(f[2], 'gasPrice', 32),
      gas: readInt(f[3], 'gas', 32),
      to: readTo(f[4]),
      value: readInt(f[5], 'value', 32),
      data: readHex(f[6], 'data'),
      accessList: decodeAccessList(f[7], espaceAddressCodec),
    };
    yParity = readSmallInt(f[8], 'yParity', 1);
    [rItem, sItem] = [f[9], f[10]];
  } else if (first === 2) {
    const f = readList(bytes.subarray(1), 'transaction', [12]);
    input = {
      type: 2,
      chainId: readChainId(readSmallInt(f[0], 'chainId', 4)),
      nonce: readInt(f[1], 'nonce', 32),
      maxPriorityFeePerGas: readInt(f[2], 'maxPriorityFeePerGas', 32),
      maxFeePerGas: readInt(f[3], 'maxFeePerGas', 32),
      gas: readInt(f[4], 'gas', 32),
      to: readTo(f[5]),
      value: readInt(f[6], 'value', 32),
      data: readHex(f[7], 'data'),
      accessList: decodeAccessList(f[8], espaceAddressCodec),
    };
    yParity = readSmallInt(f[9], 'yParity', 1);
    [rItem, sItem] = [f[10], f[11]];
  } else {
    throw new TxError('tx.type', `unsupported eSpace transaction type byte 0x${first.toString(16)}`, { details: 'type' });
  }

  const prepared = prepareEspaceTransaction(input);
  if (options.chainId !== undefined) assertActiveChain(prepared.tx.chainId, options.chainId);
  const signature = readSignature(rItem, sItem, yParity);
  const signingHash = keccak_256(espaceUnsignedBytes(prepared));
  const signed = assembleSignedEspace(prepared, signingHash, signature);
  if (signed.raw !== bytesToHex(bytes)) throw new TxError('tx.raw', 'raw transaction is not in canonical form');
  const from = espaceAddressFromPublicKey(recoverSigner(signingHash, signature));
  return { ...signed, from };
}
