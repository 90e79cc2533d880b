/**
 * Wallet API results → the Send screens' models: the review shows every field the background
 * prepared, as it will be signed — nothing here computes a value that is signed.
 */
import type { PreparedSendView } from '../../../shared/ui-api/wallet.js';
import type { ReviewField } from '../../screens/send/SendReview.js';
import type { PreparedSend, SendRequest } from '../backend.js';
import { networkName } from './chain.js';

const TYPE_NAMES = { 0: '0 (legacy)', 1: '1 (access list)', 2: '2 (dynamic fee)' } as const;

/** The wire parameters of `wallet.prepareSend` / `wallet.maxSendable` for a request. */
export function tokenParam(asset: SendRequest['asset']): { token?: { contract: string; symbol: string; decimals: number } } {
  return asset === 'native' ? {} : { token: { contract: asset.address, symbol: asset.symbol, decimals: asset.decimals } };
}

function gwei(drip: string): string {
  return `${drip} drip`;
}

/** Every signed field, in signing order; the technical ones folded away by the review screen. */
export function reviewFields(view: PreparedSendView): ReviewField[] {
  const tx = view.transaction;
  const fields: ReviewField[] = [];
  if (view.asset.kind === 'token') {
    fields.push({ label: 'Token contract', value: view.asset.contract, mono: true });
    if (view.asset.decimalsTrust === null) fields.push({ label: 'Decimals', value: `${view.asset.decimals} (from your token list; the contract does not say)` });
  }
  const technical = (label: string, value: string | null, mono = true): void => {
    if (value !== null) fields.push({ label, value, mono, technical: true });
  };
  technical('Type', TYPE_NAMES[tx.type], false);
  technical('Chain id', String(tx.chainId));
  technical('Nonce', tx.nonce);
  technical('Gas limit', tx.gas);
  technical('Gas price', tx.gasPrice === null ? null : gwei(tx.gasPrice));
  technical('Max fee per gas', tx.maxFeePerGas === null ? null : gwei(tx.maxFeePerGas));
  technical('Max priority fee per gas', tx.maxPriorityFeePerGas === null ? null : gwei(tx.maxPriorityFeePerGas));
  technical('Storage limit', tx.storageLimit === null ? null : `${tx.storageLimit} bytes`);
  technical('Epoch height', tx.epochHeight);
  technical('To (signed)', tx.to);
  technical('Value (drip)', tx.value);
  technical('Data', tx.data);
  technical('Signing hash', view.signingHash);
  return fields;
}

export function preparedFromApi(view: PreparedSendView): PreparedSend {
  return {
    id: view.id,
    review: {
      networkName: networkName(view.network),
      spaceName: view.space === 'core' ? 'Core space' : 'eSpace',
      from: view.from,
      to: view.recipient,
      amount: BigInt(view.amount),
      symbol: view.asset.symbol,
      decimals: view.asset.decimals,
      nativeSymbol: 'CFX',
      maxFee: BigInt(view.maxFee),
      maxCollateral: view.maxCollateral === null ? undefined : BigInt(view.maxCollateral),
      maxTotalNative: BigInt(view.maxTotalNative),
      fields: reviewFields(view),
    },
  };
}
