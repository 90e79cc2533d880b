import { expect, test } from 'vitest';
import type { TransactionReview } from '../../shared/ui-api/review.js';
import { gasPriceText, nativeAmount, reviewRows } from './TransactionReview.js';

const review: TransactionReview = {
  type: 2, chainId: 1029, from: 'cfx:from', to: 'cfx:to', toKind: 'user', value: '1000000000000000000', data: '0x', dataBytes: 0, selector: null,
  nonce: '7', gas: '21000', gasPrice: null, maxFeePerGas: '2000000001', maxPriorityFeePerGas: '1', storageLimit: '0', epochHeight: '100', accessList: [],
  maxFee: '42000000021000', maxCollateral: '0', maxTotalNative: '1000042000000021000', signingHash: '0xab',
};

test('the approval page shows amounts and prices exactly, with their units', () => {
  expect(nativeAmount(review.value, 'CFX')).toBe('1 CFX');
  expect(gasPriceText('core', review.maxFeePerGas)).toBe('2.000000001 GDrip');
  expect(gasPriceText('core', review.maxPriorityFeePerGas)).toBe('0.000000001 GDrip');
  expect(gasPriceText('espace', '1000000000')).toBe('1 Gwei');
  expect(gasPriceText('core', null)).toBeNull();
  expect(nativeAmount(review.maxFee, 'CFX')).toBe('0.000042000000021 CFX');
  expect(nativeAmount(review.maxCollateral!, 'CFX')).toBe('0 CFX');
});

test('every variant ends with the signing hash; the approval page formats prices, the send review keeps base units', () => {
  for (const variant of ['approval', 'call', 'send'] as const) expect(reviewRows(review, variant, 'core', 'CFX').at(-1)!.value).toBe('0xab');
  const approval = reviewRows(review, 'approval', 'core', 'CFX').map((r) => r.value);
  expect(approval).toContain('2.000000001 GDrip');
  expect(reviewRows(review, 'send', 'core', 'CFX').map((r) => r.value)).toContain('2000000001 drip');
});
