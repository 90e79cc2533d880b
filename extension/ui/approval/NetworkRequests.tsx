/**
 * Network and asset suggestions: switch network, add (and switch to) a network, watch a token.
 */
import { useId, useState } from 'react';
import { hostPermissionPattern } from '../../../core/rpc/pool/endpoint.js';
import type { ProviderSpace } from '../../shared/provider-protocol.js';
import type { ApprovalDetail } from '../../shared/ui-api/provider.js';
import { background } from '../api/client.js';
import { readTokens, writeTokens } from '../lib/token-list.js';
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
  const [problem, setProblem] = useState<string | null>(null);
  // Talking to a new node needs its host permission, which the browser grants only inside the
  // click itself: ask first (synchronously in the handler), approve only if granted.
  const approve = () => {
    setProblem(null);
    const origins = [...new Set(n.rpcUrls.map(hostPermissionPattern))];
    chrome.permissions.request({ origins }).then(
      (granted) => (granted ? decide(true) : setProblem('Wayfarer needs permission to contact these nodes to add them.')),
      () => setProblem('The browser refused the permission request.'),
    );
  };
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
      <p className="note">The site suggests these nodes for this network. Wayfarer checks what they say like any other node's; your browser will ask to let Wayfarer contact them. The wallet switches to the network once they are added.</p>
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <Actions approveLabel="Add and switch" busy={busy} onReject={() => decide(false)} onApprove={approve} />
    </section>
  );
}

export function WatchAssetRequest({ detail, space, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'watch_asset' }>; space: ProviderSpace; busy: boolean; decide: Decide }) {
  const id = useId();
  const a = detail.asset;
  const [problem, setProblem] = useState<string | null>(null);
  // The token list lives in the wallet pages' storage (shared with the popup): add it, then approve.
  const approve = async () => {
    setProblem(null);
    try {
      const { network } = await background.call('chain.status');
      const list = readTokens(network, space);
      if (!list.some((t) => t.address.toLowerCase() === a.address.toLowerCase())) writeTokens(network, space, [...list, { address: a.address, symbol: a.symbol, name: a.symbol, decimals: a.decimals }]);
      decide(true);
    } catch {
      setProblem('Could not add the token to your list.');
    }
  };
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
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <Actions approveLabel="Add token" busy={busy} onReject={() => decide(false)} onApprove={() => void approve()} />
    </section>
  );
}
