/**
 * Sending signed transactions to the dev node over plain JSON-RPC and waiting for their receipts:
 * the wallet's own signing (core/tx) with the node as the only party, for e2e tests of planners.
 */
import { decodeCfxAddressAnyType, encodeCfxAddress } from '../../core/address/cip37.js';
import { toChecksumAddress } from '../../core/address/eip55.js';
import { coreTransactionFromDraft, espaceTransactionFromDraft, type ObservedReceipt, type TransactionDraft } from '../../core/crossspace/index.js';
import { bytesToHex } from '../../core/encoding/hex.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import type { PrivateKey } from '../../core/keys/private-key.js';
import type { CoreTransactionInput } from '../../core/tx/core-transaction.js';
import { signCoreTransaction } from '../../core/tx/core-sign.js';
import type { EspaceTransactionInput } from '../../core/tx/espace-transaction.js';
import { signEspaceTransaction } from '../../core/tx/espace-sign.js';
import { rpcCall } from './devnode.js';
import type { DevNodeEndpoints } from './shared-devnode.js';

export interface CoreReceiptJson {
  transactionHash: string;
  blockHash: string;
  outcomeStatus: string;
  gasUsed: string;
  gasFee: string;
  epochNumber: string;
  storageCollateralized: string;
  logs: { address: string; topics: string[]; data: string }[];
}

export interface EspaceReceiptJson {
  transactionHash: string;
  blockHash: string;
  status: string;
  gasUsed: string;
  effectiveGasPrice?: string;
  blockNumber: string;
  contractAddress: string | null;
  logs: { address: string; topics: string[]; data: string }[];
}

/** Omit applied to each member of a union (plain Omit merges them). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function poll<T>(read: () => Promise<T | null>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not there in time`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function coreAccount(node: DevNodeEndpoints, key: PrivateKey): string {
  return encodeCfxAddress(coreAddressFromPrivateKey(key), node.chainId);
}

/** Signs `fields` (nonce and epoch height filled in) with `key`, sends it, waits for its receipt. */
export async function sendCore(node: DevNodeEndpoints, key: PrivateKey, fields: OmitEach<CoreTransactionInput, 'nonce' | 'epochHeight' | 'chainId'>): Promise<{ hash: string; receipt: CoreReceiptJson }> {
  const from = coreAccount(node, key);
  const nonce = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getNextNonce', [from]));
  const epochHeight = BigInt(await rpcCall<string>(node.coreRpc, 'cfx_epochNumber', ['latest_state']));
  const signed = signCoreTransaction({ ...fields, chainId: node.chainId, nonce, epochHeight } as CoreTransactionInput, key, node.chainId);
  const hash = await rpcCall<string>(node.coreRpc, 'cfx_sendRawTransaction', [signed.raw]);
  if (hash !== signed.hash) throw new Error(`node returned hash ${hash}, expected ${signed.hash}`);
  const receipt = await poll(() => rpcCall<CoreReceiptJson | null>(node.coreRpc, 'cfx_getTransactionReceipt', [hash]), `Core receipt of ${hash}`);
  return { hash, receipt };
}

/** Same for eSpace. */
export async function sendEspace(node: DevNodeEndpoints, key: PrivateKey, fields: OmitEach<EspaceTransactionInput, 'nonce' | 'chainId'>): Promise<{ hash: string; receipt: EspaceReceiptJson }> {
  const from = espaceAddressFromPrivateKey(key);
  const nonce = BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getTransactionCount', [from, 'latest']));
  const signed = signEspaceTransaction({ ...fields, chainId: node.evmChainId, nonce } as EspaceTransactionInput, key, node.evmChainId);
  const hash = await rpcCall<string>(node.espaceRpc, 'eth_sendRawTransaction', [signed.raw]);
  if (hash !== signed.hash) throw new Error(`node returned hash ${hash}, expected ${signed.hash}`);
  const receipt = await poll(() => rpcCall<EspaceReceiptJson | null>(node.espaceRpc, 'eth_getTransactionReceipt', [hash]), `eSpace receipt of ${hash}`);
  return { hash, receipt };
}

/** A Core log with its base32 address turned into 20-byte hex, as the planners read logs. */
export function coreLogAsHex(log: { address: string; topics: string[]; data: string }): { address: string; topics: string[]; data: string } {
  return { address: bytesToHex(decodeCfxAddressAnyType(log.address).bytes), topics: log.topics, data: log.data };
}

export async function coreBalance(node: DevNodeEndpoints, address: string): Promise<bigint> {
  return BigInt(await rpcCall<string>(node.coreRpc, 'cfx_getBalance', [address]));
}

export async function espaceBalance(node: DevNodeEndpoints, address: string): Promise<bigint> {
  return BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [address, 'latest']));
}

/** Deploys a contract on Core from `key`; returns its base32 address. */
export async function deployCore(node: DevNodeEndpoints, key: PrivateKey, data: `0x${string}`): Promise<string> {
  const { receipt } = await sendCore(node, key, { type: 0, gasPrice: 2_000_000_000n, gas: 5_000_000n, to: null, value: 0n, storageLimit: 20_000n, data });
  const created = (receipt as unknown as { contractCreated: string | null }).contractCreated;
  if (receipt.outcomeStatus !== '0x0' || created === null) throw new Error(`Core deployment failed: ${JSON.stringify(receipt)}`);
  // Nodes print it in the verbose form (NET1024:TYPE.CONTRACT:…); the wallet shows the short one.
  return encodeCfxAddress(decodeCfxAddressAnyType(created).bytes, node.chainId);
}

/** Deploys a contract on eSpace from `key`; returns its EIP-55 address. */
export async function deployEspace(node: DevNodeEndpoints, key: PrivateKey, data: `0x${string}`): Promise<string> {
  const { receipt } = await sendEspace(node, key, { type: 0, gasPrice: 2_000_000_000n, gas: 5_000_000n, to: null, value: 0n, data });
  if (receipt.status !== '0x1' || receipt.contractAddress === null) throw new Error(`eSpace deployment failed: ${JSON.stringify(receipt)}`);
  return toChecksumAddress(receipt.contractAddress);
}

/** Completes a cross-space draft with a legacy gas price, signs it with `key`, sends it, waits for its receipt. */
export async function sendDraft(node: DevNodeEndpoints, key: PrivateKey, draft: TransactionDraft, gasPrice: bigint): Promise<{ hash: string; core?: CoreReceiptJson; espace?: EspaceReceiptJson }> {
  if (draft.space === 'core') {
    const { nonce: _n, epochHeight: _e, chainId: _c, ...fields } = coreTransactionFromDraft(draft, { nonce: 0n, epochHeight: 0n, fee: { type: 0, gasPrice } });
    const { hash, receipt } = await sendCore(node, key, fields);
    return { hash, core: receipt };
  }
  const { nonce: _n, chainId: _c, ...fields } = espaceTransactionFromDraft(draft, { nonce: 0n, fee: { type: 0, gasPrice } });
  const { hash, receipt } = await sendEspace(node, key, fields);
  return { hash, espace: receipt };
}

/** A Core receipt as the status model reads it, with the trust the test gives it. */
export function observedCoreReceipt(receipt: CoreReceiptJson, trust: ObservedReceipt['trust']): ObservedReceipt {
  return {
    transactionHash: receipt.transactionHash, outcome: receipt.outcomeStatus === '0x0' ? 'success' : 'failure', logs: receipt.logs.map(coreLogAsHex),
    gasUsed: BigInt(receipt.gasUsed), gasFee: BigInt(receipt.gasFee), epoch: Number(BigInt(receipt.epochNumber)), trust,
  };
}

/** An eSpace receipt as the status model reads it (fee = gas used × the legacy gas price paid). */
export function observedEspaceReceipt(receipt: EspaceReceiptJson, gasPrice: bigint, trust: ObservedReceipt['trust']): ObservedReceipt {
  const gasUsed = BigInt(receipt.gasUsed);
  return {
    transactionHash: receipt.transactionHash, outcome: receipt.status === '0x1' ? 'success' : 'failure', logs: receipt.logs,
    gasUsed, gasFee: gasUsed * gasPrice, epoch: Number(BigInt(receipt.blockNumber)), trust,
  };
}
