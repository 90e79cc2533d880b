/**
 * State for proof tests on a dev node: a Core user account with a non-zero nonce, a token contract
 * (test/support/token-contract.ts) in Core space with balances at mapping index 3 and a second
 * holder, an eSpace account funded through CrossSpaceCall that deployed the same token in eSpace,
 * and an address that never existed.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../../core/address/cip37.js';
import { bytesToHex, hexToBytes } from '../../core/encoding/hex.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../../core/keys/address.js';
import { PrivateKey } from '../../core/keys/private-key.js';
import { signCoreTransaction } from '../../core/tx/core-sign.js';
import { signEspaceTransaction } from '../../core/tx/espace-sign.js';
import { transferToEspace } from './cross-space.js';
import { GENESIS_PRIVATE_KEY, rpcCall } from './devnode.js';
import { balanceSlot, tokenCreationCode, transferData } from './token-contract.js';

export const TOKEN_MAPPING_INDEX = 3;

export interface StateFixtures {
  /** Epoch by which every fixture transaction is executed. */
  readonly epoch: number;
  readonly coreUser: string;
  readonly token: { readonly address: string; readonly bytes: Uint8Array; readonly holder: Uint8Array; readonly holderAddress: string; readonly slot: Uint8Array; readonly mappingIndex: number };
  readonly espace: string;
  /** The token deployed in eSpace by `espace`, which holds its whole supply. */
  readonly espaceToken: { readonly address: string; readonly bytes: Uint8Array; readonly slot: Uint8Array; readonly supply: bigint };
  readonly absent: string;
}

interface Receipt {
  outcomeStatus: string;
  epochNumber: string;
  contractCreated: string | null;
}

/** Sends a Core transaction from the genesis account and waits for its successful receipt. */
export async function sendCore(rpc: string, chainId: number, tx: { to: string | null; value: bigint; data?: string; gas: bigint; storageLimit?: bigint }): Promise<Receipt> {
  const key = PrivateKey.fromHex(GENESIS_PRIVATE_KEY);
  const from = encodeCfxAddress(coreAddressFromPrivateKey(key), chainId);
  const nonce = BigInt(await rpcCall<string>(rpc, 'cfx_getNextNonce', [from]));
  const epochHeight = BigInt(await rpcCall<string>(rpc, 'cfx_epochNumber', ['latest_state']));
  const signed = signCoreTransaction(
    { type: 2, chainId, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10_000_000_000n, gas: tx.gas, to: tx.to, value: tx.value, storageLimit: tx.storageLimit ?? 0n, epochHeight, data: tx.data ?? '0x', accessList: [] },
    key,
    chainId,
  );
  await rpcCall(rpc, 'cfx_sendRawTransaction', [signed.raw]);
  for (let i = 0; i < 300; i++) {
    const receipt = await rpcCall<Receipt | null>(rpc, 'cfx_getTransactionReceipt', [signed.hash]);
    if (receipt !== null) {
      if (receipt.outcomeStatus !== '0x0') throw new Error(`fixture transaction failed: ${JSON.stringify(receipt)}`);
      return receipt;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('fixture transaction not executed');
}

const ESPACE_SUPPLY = 7n * 10n ** 20n;

/** Deploys the token from an eSpace account (funded just before); returns its address and epoch. */
async function deployEspaceToken(key: PrivateKey, node: { espaceRpc: string; evmChainId: number }): Promise<{ address: string; epoch: number }> {
  const from = espaceAddressFromPrivateKey(key);
  for (let i = 0; i < 150 && BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getBalance', [from, 'latest'])) === 0n; i++) await new Promise((r) => setTimeout(r, 200));
  const nonce = BigInt(await rpcCall<string>(node.espaceRpc, 'eth_getTransactionCount', [from, 'latest']));
  const signed = signEspaceTransaction(
    { type: 2, chainId: node.evmChainId, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10_000_000_000n, gas: 500_000n, to: null, value: 0n, data: tokenCreationCode(ESPACE_SUPPLY, TOKEN_MAPPING_INDEX), accessList: [] },
    key,
    node.evmChainId,
  );
  await rpcCall(node.espaceRpc, 'eth_sendRawTransaction', [signed.raw]);
  for (let i = 0; i < 300; i++) {
    const receipt = await rpcCall<{ status: string; contractAddress: string | null; blockNumber: string } | null>(node.espaceRpc, 'eth_getTransactionReceipt', [signed.hash]);
    if (receipt !== null) {
      if (receipt.status !== '0x1' || receipt.contractAddress === null) throw new Error(`eSpace token deployment failed: ${JSON.stringify(receipt)}`);
      return { address: receipt.contractAddress.toLowerCase(), epoch: Number(BigInt(receipt.blockNumber)) };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('eSpace token deployment not executed');
}

export async function prepareStateFixtures(node: { coreRpc: string; espaceRpc: string; chainId: number; evmChainId: number }): Promise<StateFixtures> {
  const key = PrivateKey.fromHex(GENESIS_PRIVATE_KEY);
  const coreUser = encodeCfxAddress(coreAddressFromPrivateKey(key), node.chainId);
  const espaceKey = PrivateKey.fromHex(bytesToHex(keccak_256(new TextEncoder().encode('wayfarer state proof e2e'))));
  const espace = espaceAddressFromPrivateKey(espaceKey);
  const holderBytes = hexToBytes(`0x1${bytesToHex(keccak_256(new TextEncoder().encode('token holder'))).slice(3, 42)}`);
  const holderAddress = encodeCfxAddress(holderBytes, node.chainId);

  const deployed = await sendCore(node.coreRpc, node.chainId, { to: null, value: 0n, data: tokenCreationCode(10n ** 24n, TOKEN_MAPPING_INDEX), gas: 500_000n, storageLimit: 1024n });
  const tokenAddress = deployed.contractCreated!;
  const tokenBytes = decodeCfxAddressToBytes(tokenAddress).bytes;
  await sendCore(node.coreRpc, node.chainId, { to: tokenAddress, value: 0n, data: transferData(holderBytes, 123_456_789n), gas: 200_000n, storageLimit: 1024n });
  const funded = await sendCore(node.coreRpc, node.chainId, { ...transferToEspace(espace, node.chainId), value: 5n * 10n ** 18n, gas: 300_000n });
  const espaceToken = await deployEspaceToken(espaceKey, node);
  const absent = encodeCfxAddress(hexToBytes(`0x1${bytesToHex(keccak_256(new TextEncoder().encode('never used'))).slice(3, 42)}`), node.chainId);
  return {
    epoch: Math.max(Number(BigInt(funded.epochNumber)), espaceToken.epoch),
    coreUser,
    token: { address: tokenAddress, bytes: tokenBytes, holder: holderBytes, holderAddress, slot: balanceSlot(holderBytes, TOKEN_MAPPING_INDEX), mappingIndex: TOKEN_MAPPING_INDEX },
    espace,
    espaceToken: { address: espaceToken.address, bytes: hexToBytes(espaceToken.address), slot: balanceSlot(hexToBytes(espace.toLowerCase()), TOKEN_MAPPING_INDEX), supply: ESPACE_SUPPLY },
    absent,
  };
}
