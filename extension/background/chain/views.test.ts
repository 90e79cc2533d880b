import { expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { privateKeyFromHex } from '../../../core/keys/private-key.js';
import type { TrackedTransaction } from '../../../core/chain/transactions/types.js';
import { signCoreTransaction } from '../../../core/tx/core-sign.js';
import { signEspaceTransaction } from '../../../core/tx/espace-sign.js';
import { encodeTransferCall } from './token-abi.js';
import { DRIP_PER_STORAGE_BYTE } from './tx-cost.js';
import { maxNativeSpend, txView } from './views.js';

const KEY = privateKeyFromHex('0x46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f');
const RECIPIENT = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const TOKEN = '0x8a3c5d1e00000000000000000000000000000001';

function record(space: 'core' | 'espace', raw: string, hash: string, extra: Partial<TrackedTransaction> = {}): TrackedTransaction {
  return { hash, space, raw, from: 'x', addressKey: 'x', nonce: '3', status: 'pending', submittedAt: 1, lastBroadcastAt: 1, acceptedBy: [], rejections: {}, ...extra };
}

test('a Core token transfer: recipient, amount and fee limits come from the signed bytes; symbol from the label', () => {
  const signed = signCoreTransaction({ type: 2, chainId: 1029, nonce: 3n, gas: 60_000n, maxFeePerGas: 5n, maxPriorityFeePerGas: 1n, to: encodeCfxAddress(TOKEN, 1029), value: 0n, storageLimit: 64n, epochHeight: 10n, data: encodeTransferCall(RECIPIENT, 1_500_000n), accessList: [] }, KEY, 1029);
  const label = { token: { contract: encodeCfxAddress(TOKEN, 1029), symbol: 'USDT', decimals: 6 } };
  const view = txView(record('core', signed.raw, signed.hash), label);
  expect(view).toMatchObject({ to: encodeCfxAddress(TOKEN, 1029), value: '0', maxFee: '300000', maxCollateral: (64n * DRIP_PER_STORAGE_BYTE).toString(), cost: null });
  expect(maxNativeSpend(record('core', signed.raw, signed.hash))).toBe(300_000n + 64n * DRIP_PER_STORAGE_BYTE);
  expect(view.tokenTransfer).toEqual({ contract: encodeCfxAddress(TOKEN, 1029), to: encodeCfxAddress(RECIPIENT, 1029), amount: '1500000', symbol: 'USDT', decimals: 6 });
  // Without a label (sent by a dApp) the transfer is still decoded, without symbol and decimals.
  expect(txView(record('core', signed.raw, signed.hash)).tokenTransfer).toMatchObject({ amount: '1500000', symbol: null, decimals: null });
});

test('proved cost: the receipt counts collateral in bytes, the view in drip', () => {
  const signed = signEspaceTransaction({ type: 0, chainId: 1030, nonce: 0n, gas: 21_000n, gasPrice: 7n, to: RECIPIENT, value: 9n, data: '0x' }, KEY, 1030);
  const proof = { blockHash: `0x${'ab'.repeat(32)}`, epoch: 5, outcome: 'success' as const, gasUsed: '21000', verifiedAt: 2, gasFee: '147000', storageCollateralized: '128', finalizedPivot: { height: 9, blockHash: `0x${'cd'.repeat(32)}` } };
  const view = txView(record('espace', signed.raw, signed.hash, { status: 'included_verified', proof }));
  expect(view).toMatchObject({ value: '9', maxFee: '147000', maxCollateral: null, tokenTransfer: null });
  expect(maxNativeSpend(record('espace', signed.raw, signed.hash))).toBe(9n + 147_000n);
  expect(view.cost).toEqual({ gasFee: '147000', gasCoveredBySponsor: false, storageCollateralized: (128n * DRIP_PER_STORAGE_BYTE).toString(), storageCoveredBySponsor: false });
  expect(view.proof?.finalizedPivot).toEqual(proof.finalizedPivot);
  expect(view.to?.toLowerCase()).toBe(RECIPIENT);
});
