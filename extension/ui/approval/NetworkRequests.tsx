/**
 * Network and asset suggestions: switch network, add (and switch to) a network, watch a token.
 */
import { useEffect, useId, useState } from 'react';
import { hostPermissionPattern } from '../../../core/rpc/pool/endpoint.js';
import type { ProviderSpace } from '../../shared/provider-protocol.js';
import type { ApprovalDetail } from '../../shared/ui-api/provider.js';
import { background } from '../api/client.js';
import { tokenInfoFromApi } from '../api/adapters/chain.js';
import type { TokenInfoItem } from '../model/wallet.js';
import { Notice } from '../components/Notice.js';
import { TrustBadge } from '../components/TrustBadge.js';
import { readTokens, writeTokens } from '../lib/token-list.js';
import { Actions } from './Actions.js';
import type { PrepareApproval } from './use-approval.js';
import { Fields } from './Fields.js';

type Decide = (approve: boolean) => void;
/** Decides; when approving, `prepare` runs first and its undo runs if the approval is not accepted. */
type DecideThen = (approve: boolean, prepare?: PrepareApproval) => void;

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

/**
 * A site asks to add a token. What the site claims is compared with what the contract itself
 * answers (cross-checked between nodes, with its badge): the contract's symbol and decimals are the
 * ones saved, so a site cannot make a balance look 1,000 times larger by claiming other decimals.
 * The token is saved with the approval and taken back if the approval is not accepted.
 */
export function WatchAssetRequest({ detail, space, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'watch_asset' }>; space: ProviderSpace; busy: boolean; decide: DecideThen }) {
  const id = useId();
  const a = detail.asset;
  const [problem, setProblem] = useState<string | null>(null);
  const [contract, setContract] = useState<{ status: 'loading' } | { status: 'ready'; info: TokenInfoItem } | { status: 'unreadable' }>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    background.call('chain.tokenInfo', { space, address: a.address }).then(
      (view) => current && setContract({ status: 'ready', info: tokenInfoFromApi(view) }),
      () => current && setContract({ status: 'unreadable' }),
    );
    return () => {
      current = false;
    };
  }, [space, a.address]);
  const info = contract.status === 'ready' ? contract.info : undefined;
  const symbol = info?.symbol?.value ?? a.symbol;
  const decimals = info?.decimals?.value ?? a.decimals;
  const decimalsDiffer = info?.decimals !== undefined && info.decimals.value !== a.decimals;
  const symbolDiffers = info?.symbol !== undefined && info.symbol.value !== a.symbol;
  // The token list lives in the wallet pages' storage (shared with the popup). It is written just
  // before the approval is sent (the window closes as soon as the background has it) and taken
  // back if the approval is not accepted.
  const approve = async () => {
    setProblem(null);
    let network: string;
    try {
      network = (await background.call('chain.status')).network;
    } catch {
      setProblem('Could not reach the wallet; try again.');
      return;
    }
    decide(true, () => {
      const before = readTokens(network, space);
      if (before.some((t) => t.address.toLowerCase() === a.address.toLowerCase())) return () => undefined;
      writeTokens(network, space, [...before, { address: a.address, symbol, name: info?.name?.value ?? symbol, decimals }]);
      return () => writeTokens(network, space, readTokens(network, space).filter((t) => t.address.toLowerCase() !== a.address.toLowerCase()));
    });
  };
  const claimed = (value: string, fromContract: string | undefined) => (fromContract === undefined || fromContract === value ? value : `${fromContract} (the site says ${value})`);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add a token?</h2>
      <Fields
        label="Token"
        rows={[
          { label: 'Symbol', value: claimed(a.symbol, info?.symbol?.value), testId: 'asset-symbol' },
          { label: 'Decimals', value: claimed(String(a.decimals), info?.decimals === undefined ? undefined : String(info.decimals.value)), testId: 'asset-decimals' },
          { label: 'Contract', value: a.address, code: true },
        ]}
      />
      <div className="row-between wrap small" data-testid="asset-source">
        {contract.status === 'loading' ? (
          <span className="muted">Asking the contract for its symbol and decimals…</span>
        ) : info?.decimals ?? info?.symbol ? (
          <>
            <span>Symbol and decimals from the contract</span>
            <TrustBadge trust={(info.decimals ?? info.symbol)!.trust} subject="token details" />
          </>
        ) : (
          <span className="muted">The contract's details could not be read; the site's values will be used.</span>
        )}
      </div>
      {decimalsDiffer ? (
        <Notice tone="warn">
          The site claims {a.decimals} decimals, but the contract says {decimals}. Amounts would be shown wrong by a factor of 10^{Math.abs(a.decimals - decimals)}; Wayfarer saves the contract's {decimals}.
        </Notice>
      ) : null}
      {symbolDiffers && !decimalsDiffer ? <Notice tone="info">The site calls this token {a.symbol}; the contract calls itself {symbol}, which is what Wayfarer shows.</Notice> : null}
      <p className="note">Anyone can create a token with any name. Only add tokens you expected from this site.</p>
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <Actions approveLabel="Add token" busy={busy} approveDisabled={contract.status === 'loading'} onReject={() => decide(false)} onApprove={() => void approve()} />
    </section>
  );
}
