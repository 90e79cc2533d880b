/**
 * The wallet's side of a proof gateway, without IO: a {@link StateProofSource} over an injected
 * JSON-RPC `request` function, and operations that return verified accounts and storage values.
 *
 * Threat model: the gateway (and the node behind it) is untrusted by design. Every item is decoded
 * strictly and verified against headers from the caller's {@link VerifiedHeaderSource}. A false
 * answer surfaces as an error with `sourceAtFault === true` and `evidence` (the method, its params
 * and the offending item), so the caller can ban the gateway and show why; an unreachable gateway
 * or a missing item is only unavailability.
 * @module
 */
import { bytesToHex, toQuantity } from '../encoding/hex.js';
import type { RlpDecoded } from '../encoding/rlp.js';
import { LightProtocolError } from '../lightproto/errors.js';
import { decodeItemBytes, decodeStateEntryItem, decodeWitnessInfoItem } from '../lightproto/responses.js';
import type { Space } from '../space.js';
import type { VerifiedHeaderSource } from '../state/header.js';
import { stateKeyBytes, type StateKey } from '../state/keys.js';
import { proveAccounts, proveStorage, type ProvedAccount, type ProvedStorage } from '../state/prove-account.js';
import type { ProveOptions, StateProofSource } from '../state/prove.js';
import { ProofGatewayError } from './errors.js';
import type { ItemMethod } from './schema.js';
import { readItems } from './schema.js';

/** Sends one JSON-RPC call to the gateway and resolves to its `result` (rejects on any failure). */
export type GatewayRequest = (method: ItemMethod, params: readonly unknown[]) => Promise<unknown>;

async function call(request: GatewayRequest, method: ItemMethod, params: readonly unknown[]): Promise<unknown> {
  try {
    return await request(method, params);
  } catch (cause) {
    throw new ProofGatewayError('proofgateway.request_failed', `${method} failed`, { cause });
  }
}

function decode<T>(raw: Uint8Array, read: (item: RlpDecoded) => T, evidence: { request: string; params: readonly unknown[] }): T {
  try {
    return decodeItemBytes(raw, read);
  } catch (cause) {
    if (!(cause instanceof LightProtocolError)) throw cause;
    throw new ProofGatewayError('proofgateway.bad_answer', `${evidence.request}: an item does not decode (${cause.message})`, { cause, evidence: { ...evidence, answer: bytesToHex(raw) } });
  }
}

/** Proof material from a gateway, decoded (verification happens in `core/state`). */
export function gatewayProofSource(request: GatewayRequest): StateProofSource {
  return {
    async stateEntries(epoch: number, keys: readonly StateKey[]) {
      const params = [toQuantity(epoch), keys.map((k) => bytesToHex(stateKeyBytes(k)))];
      const where = { request: 'clp_getStateEntries', params };
      const items = readItems(await call(request, 'clp_getStateEntries', params), keys.length, where);
      return items.map((raw) => ({ value: decode(raw, decodeStateEntryItem, where), evidence: { ...where, answer: bytesToHex(raw) } }));
    },
    async witnessInfo(height: number) {
      const params = [[toQuantity(height)]];
      const where = { request: 'clp_getWitnessInfo', params };
      const items = readItems(await call(request, 'clp_getWitnessInfo', params), 1, where);
      if (items.length === 0) return null;
      const value = decode(items[0]!, decodeWitnessInfoItem, where);
      return { value, evidence: { ...where, answer: bytesToHex(items[0]!) } };
    },
  };
}

export interface GatewayClient {
  readonly request: GatewayRequest;
  readonly headers: VerifiedHeaderSource;
  readonly options?: ProveOptions;
}

/**
 * Balance and nonce of accounts at `epoch`, proved through a gateway.
 * @throws {StateProofError} (a false or missing item; see `sourceAtFault`), {@link ProofGatewayError}
 */
export function proveAccountsViaGateway(client: GatewayClient, epoch: number, accounts: readonly { readonly address: Uint8Array; readonly space: Space }[]): Promise<ProvedAccount[]> {
  return proveAccounts(epoch, accounts, { headers: client.headers, proofs: gatewayProofSource(client.request) }, client.options);
}

/**
 * Storage slots of a contract at `epoch`, proved through a gateway.
 * @throws {StateProofError}, {@link ProofGatewayError}
 */
export function proveStorageViaGateway(client: GatewayClient, epoch: number, contract: { readonly address: Uint8Array; readonly space: Space }, slots: readonly Uint8Array[]): Promise<ProvedStorage[]> {
  return proveStorage(epoch, contract, slots, { headers: client.headers, proofs: gatewayProofSource(client.request) }, client.options);
}
