/**
 * The Activity screen's CSV export: the transactions the wallet sent and what it found coming in,
 * as core/activity's rows (amounts as shown, with their decimals; contact names beside addresses;
 * a ConfluxScan link where the network has one), saved as a file by the browser. Nothing is sent
 * anywhere; the explorer link is only written into the file.
 * @module
 */
import { activityToCsv, explorerTransactionUrl, type ActivityRow } from '../../../../core/activity/index.js';
import type { NetworkKey } from '../../../../core/rpc/pool/endpoint.js';
import type { Space } from '../../../../core/space.js';
import { formatAmountExact } from '../../../shared/units.js';
import type { ReceivedItem, TxItem } from '../../model/wallet.js';

export interface ExportContext {
  network: NetworkKey;
  space: Space;
  /** The account's own address in the space (the recipient of what came in). */
  address: string;
  labelOf: (address: string) => string | undefined;
}

export function activityRows(sent: readonly TxItem[], received: readonly ReceivedItem[], ctx: ExportContext): ActivityRow[] {
  const link = (hash: string) => explorerTransactionUrl(ctx.network, ctx.space, hash) ?? '';
  const rows: ActivityRow[] = sent.map((tx) => {
    const to = tx.token?.to ?? tx.to ?? '';
    return {
      time: tx.timestamp ?? null, network: ctx.network, space: tx.space, direction: tx.direction, kind: tx.token ? 'token' : tx.to === null ? 'contract_creation' : 'cfx',
      asset: tx.token?.symbol ?? tx.symbol, assetContract: tx.token ? (tx.to ?? '') : '',
      amount: tx.token ? formatAmountExact(tx.token.amount, tx.token.decimals) : tx.value === undefined ? '' : formatAmountExact(tx.value, tx.decimals),
      from: tx.from, fromLabel: ctx.labelOf(tx.from) ?? '', to, toLabel: to ? (ctx.labelOf(to) ?? '') : '',
      fee: tx.fee === undefined || tx.feeIsMax ? '' : formatAmountExact(tx.fee, 18), transactionHash: tx.hash, status: tx.status, trust: tx.trust.level, explorerUrl: link(tx.hash),
    };
  });
  for (const r of received) {
    if (r.kind === 'token') {
      rows.push({
        time: null, network: ctx.network, space: ctx.space, direction: 'in', kind: 'token', asset: r.symbol, assetContract: '', amount: formatAmountExact(r.amount, r.decimals),
        from: r.from, fromLabel: ctx.labelOf(r.from) ?? '', to: ctx.address, toLabel: '', fee: '', transactionHash: r.transactionHash, status: `epoch ${r.epoch}`, trust: r.trust.level, explorerUrl: link(r.transactionHash),
      });
    } else {
      rows.push({
        time: null, network: ctx.network, space: ctx.space, direction: 'in', kind: 'balance_increase', asset: 'CFX', assetContract: '', amount: formatAmountExact(r.amount, 18),
        from: '', fromLabel: '', to: ctx.address, toLabel: '', fee: '', transactionHash: '', status: `epochs ${r.fromEpoch}-${r.toEpoch}`, trust: r.trust.level, explorerUrl: '',
      });
    }
  }
  return rows;
}

/** Offers `text` as a file download (a Blob URL clicked through a temporary link). */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function activityCsv(sent: readonly TxItem[], received: readonly ReceivedItem[], ctx: ExportContext): string {
  return activityToCsv(activityRows(sent, received, ctx));
}
