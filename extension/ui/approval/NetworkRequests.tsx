/**
 * Network and asset suggestions: switch network, add (and switch to) a network, watch a token.
 */
import { useId } from 'react';
import type { ApprovalDetail } from '../../shared/ui-api/provider.js';
import { Actions } from './Actions.js';
import { Fields } from './Fields.js';

type Decide = (approve: boolean) => void;

export function SwitchChainRequest({ detail, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'switch_chain' }>; busy: boolean; decide: Decide }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Switch network?</h2>
      <Fields
        label="Networks"
        rows={[
          { label: 'From', value: `${detail.from.name} (chain ${detail.from.chainId})` },
          { label: 'To', value: `${detail.to.name} (chain ${detail.to.chainId})`, testId: 'switch-to' },
        ]}
      />
      <p className="note">This changes the network for the whole wallet, not only for this site.</p>
      <Actions approveLabel="Switch network" busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}

export function AddChainRequest({ detail, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'add_chain' }>; busy: boolean; decide: Decide }) {
  const id = useId();
  const n = detail.network;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add a network?</h2>
      <Fields
        label="Network"
        rows={[
          { label: 'Name', value: n.name, testId: 'add-name' },
          { label: 'Chain', value: String(n.chainId) },
          { label: 'Currency', value: `${n.currencyName} (${n.currencySymbol})` },
          { label: 'Nodes', value: n.rpcUrls.join('\n'), code: true },
          n.blockExplorerUrl === undefined ? null : { label: 'Explorer', value: n.blockExplorerUrl, code: true },
        ]}
      />
      <p className="note">The site suggests these nodes. Wayfarer checks what they say like any other node's, and will ask before it contacts a new address. The wallet switches to the network once added.</p>
      <Actions approveLabel="Add and switch" busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}

export function WatchAssetRequest({ detail, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'watch_asset' }>; busy: boolean; decide: Decide }) {
  const id = useId();
  const a = detail.asset;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add a token?</h2>
      <Fields
        label="Token"
        rows={[
          { label: 'Symbol', value: a.symbol, testId: 'asset-symbol' },
          { label: 'Decimals', value: String(a.decimals) },
          { label: 'Contract', value: a.address, code: true },
        ]}
      />
      <p className="note">Anyone can create a token with any name. The symbol is what the site claims.</p>
      <Actions approveLabel="Add token" busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}
