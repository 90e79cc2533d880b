/**
 * Wallet API results → the Send screens' models: the review shows every field the background
 * prepared, as it will be signed — nothing here computes a value that is signed.
 */
import type { PreparedSendView } from '../../../shared/ui-api/sends.js';
import type { ReviewField } from '../../screens/send/SendReview.js';
import type { PreparedSend, SendRequest } from '../backend.js';
import { networkName } from './chain.js';
import { t } from '../../i18n/i18n.js';

const TYPE_NAMES = { 0: () => t('send.field.typeLegacy'), 1: () => t('send.field.typeAccessList'), 2: () => t('send.field.typeDynamicFee') } as const;

/** The wire parameters of `wallet.prepareSend` / `wallet.maxSendable` for a request. */
export function tokenParam(asset: SendRequest['asset']): { token?: { contract: string; symbol: string; decimals: number } } {
  return asset === 'native' ? {} : { token: { contract: asset.address, symbol: asset.symbol, decimals: asset.decimals } };
}

function gwei(drip: string): string {
  return `${drip} drip`;
}

/** Every signed field, in signing order; the technical ones folded away by the review screen. */
export function reviewFields(view: Pick<PreparedSendView, 'transaction' | 'signingHash' | 'asset'>): ReviewField[] {
  const tx = view.transaction;
  const fields: ReviewField[] = [];
  if (view.asset.kind === 'token') {
    fields.push({ label: t('send.field.tokenContract'), value: view.asset.contract, mono: true });
    if (view.asset.decimalsTrust === null) fields.push({ label: t('send.field.decimals'), value: t('send.field.decimalsFromList', { decimals: view.asset.decimals }) });
  }
  const technical = (label: string, value: string | null, mono = true): void => {
    if (value !== null) fields.push({ label, value, mono, technical: true });
  };
  technical(t('send.field.type'), TYPE_NAMES[tx.type](), false);
  technical(t('send.field.chainId'), String(tx.chainId));
  technical(t('send.field.nonce'), tx.nonce);
  technical(t('send.field.gasLimit'), tx.gas);
  technical(t('send.field.gasPrice'), tx.gasPrice === null ? null : gwei(tx.gasPrice));
  technical(t('send.field.maxFeePerGas'), tx.maxFeePerGas === null ? null : gwei(tx.maxFeePerGas));
  technical(t('send.field.maxPriorityFeePerGas'), tx.maxPriorityFeePerGas === null ? null : gwei(tx.maxPriorityFeePerGas));
  technical(t('send.field.storageLimit'), tx.storageLimit === null ? null : t('send.field.bytes', { count: Number(tx.storageLimit) }));
  technical(t('send.field.epochHeight'), tx.epochHeight);
  technical(t('send.field.toSigned'), tx.to);
  technical(t('send.field.valueDrip'), tx.value);
  technical(t('send.field.data'), tx.data);
  technical(t('send.field.signingHash'), view.signingHash);
  return fields;
}

export function preparedFromApi(view: PreparedSendView): PreparedSend {
  const gap = view.nonceGap;
  return {
    id: view.id,
    replaces: view.replaces,
    nonceGap: gap ? { accountNonce: Number(gap.accountNonce), queuedNonce: Number(gap.queuedNonce), blocking: gap.blocking, waiting: gap.waiting } : null,
    review: {
      networkName: networkName(view.network),
      spaceName: view.space === 'core' ? t('common.coreSpace') : t('common.eSpace'),
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
      effects: view.effects,
      tokens: new Map(
        view.asset.kind === 'token'
          ? [[view.asset.contract.toLowerCase(), { symbol: view.asset.decimalsTrust === null ? undefined : { value: view.asset.symbol, trust: { level: view.asset.decimalsTrust } }, decimals: view.asset.decimalsTrust === null ? undefined : { value: view.asset.decimals, trust: { level: view.asset.decimalsTrust } } }]]
          : [],
      ),
    },
  };
}
