/**
 * A transaction exactly as it will be signed: the background built it, validated it with core/tx
 * and decoded every field; this screen only lays them out. Totals are upper bounds (gas limit ×
 * price cap, plus the storage collateral on Core).
 */
import { useId } from 'react';
import type { ApprovalDetail } from '../../shared/ui-api/provider.js';
import { Actions } from './Actions.js';
import { Fields } from './Fields.js';

type Detail = Extract<ApprovalDetail, { kind: 'transaction' }>;

function action(tx: Detail['tx']): string {
  if (tx.to === null) return 'Create a contract';
  if (tx.dataBytes === 0) return tx.toKind === 'contract' ? 'Send to a contract' : 'Send';
  return `Call a contract${tx.selector ? ` (function ${tx.selector})` : ''}`;
}

export function TransactionRequest({ detail, busy, decide }: { detail: Detail; busy: boolean; decide: (approve: boolean) => void }) {
  const { tx } = detail;
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{action(tx)}</h2>
      <Fields
        label="Transaction"
        rows={[
          { label: 'From', value: `${detail.account.name || 'Account'} · ${tx.from}`, code: true },
          { label: 'To', value: tx.to === null ? 'New contract' : `${tx.to}${tx.toKind && tx.toKind !== 'user' ? ` (${tx.toKind})` : ''}`, code: tx.to !== null, testId: 'tx-to' },
          { label: 'Amount', value: tx.value, testId: 'tx-value' },
          { label: 'Max network fee', value: tx.maxFee },
          tx.maxStorageCollateral === null ? null : { label: 'Max storage collateral', value: tx.maxStorageCollateral },
          { label: 'Max total', value: <strong>{tx.maxTotal}</strong>, testId: 'tx-total' },
          { label: 'Chain', value: String(tx.chainId), testId: 'tx-chain' },
        ]}
      />
      <details>
        <summary>All fields as signed</summary>
        <Fields
          label="All fields"
          rows={[
            { label: 'Type', value: tx.typeLabel },
            { label: 'Nonce', value: tx.nonce },
            { label: 'Gas limit', value: tx.gas },
            tx.gasPrice === null ? null : { label: 'Gas price', value: tx.gasPrice },
            tx.maxFeePerGas === null ? null : { label: 'Max fee per gas', value: tx.maxFeePerGas },
            tx.maxPriorityFeePerGas === null ? null : { label: 'Max priority fee per gas', value: tx.maxPriorityFeePerGas },
            tx.storageLimit === null ? null : { label: 'Storage limit (bytes)', value: tx.storageLimit },
            tx.epochHeight === null ? null : { label: 'Epoch height', value: tx.epochHeight },
            { label: 'Value (base units)', value: tx.valueBase, code: true },
            { label: `Data (${tx.dataBytes} bytes)`, value: tx.dataBytes === 0 ? 'none' : tx.data, code: true, testId: 'tx-data' },
            tx.accessList.length === 0 ? null : { label: 'Access list', value: tx.accessList.map((e) => `${e.address}: ${e.storageKeys.length} keys`).join('; '), code: true },
            { label: 'Signing hash', value: tx.signingHash, code: true },
          ]}
        />
      </details>
      <Actions approveLabel="Sign and send" busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}
