/**
 * Wallet API results → the Send screens' models: the review shows every field the background
 * prepared, as it will be signed — nothing here computes a value that is signed.
 */
import type { PreparedSendView } from '../../../shared/ui-api/sends.js';
import type { ReviewField } from '../../screens/send/SendReview.js';
import type { PreparedSend, SendRequest } from '../backend.js';
import { networkName } from './chain.js';
import { t } from '../../i18n/i18n.js';

/** The wire parameters of `wallet.prepareSend` / `wallet.maxSendable` for a request. */
export function tokenParam(asset: SendRequest['asset']): { token?: { contract: string; symbol: string; decimals: number } } {
  return asset === 'native' ? {} : { token: { contract: asset.address, symbol: asset.symbol, decimals: asset.decimals } };
}

/** The asset's own fields the review leads with (a token's contract, and its decimals when the contract does not report them). */
export function assetFields(view: Pick<PreparedSendView, 'asset'>): ReviewField[] {
  const fields: ReviewField[] = [];
  if (view.asset.kind === 'token') {
    fields.push({ label: t('send.field.tokenContract'), value: view.asset.contract, mono: true });
    if (view.asset.decimalsTrust === null) fields.push({ label: t('send.field.decimals'), value: t('send.field.decimalsFromList', { decimals: view.asset.decimals }) });
  }
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
      maxFee: BigInt(view.transaction.maxFee),
      maxCollateral: view.transaction.maxCollateral === null ? undefined : BigInt(view.transaction.maxCollateral),
      maxTotalNative: BigInt(view.transaction.maxTotalNative),
      fields: assetFields(view),
      transaction: view.transaction,
      space: view.space,
      effects: view.effects,
      tokens: new Map(
        view.asset.kind === 'token'
          ? [[view.asset.contract.toLowerCase(), { symbol: view.asset.decimalsTrust === null ? undefined : { value: view.asset.symbol, trust: { level: view.asset.decimalsTrust } }, decimals: view.asset.decimalsTrust === null ? undefined : { value: view.asset.decimals, trust: { level: view.asset.decimalsTrust } } }]]
          : [],
      ),
    },
  };
}
