/**
 * Network and asset suggestions: switch network, add (and switch to) a network, watch a token.
 */
import { useEffect, useId, useState } from 'react';
import { hostPermissionPattern } from '../../../core/rpc/pool/endpoint.js';
import type { Space } from '../../../core/space.js';
import type { ApprovalDetail } from '../../shared/ui-api/provider.js';
import { background } from '../api/client.js';
import { tokenInfoFromApi } from '../api/adapters/chain.js';
import type { TokenInfoItem } from '../model/wallet.js';
import { Notice } from '../components/Notice.js';
import { TrustBadge } from '../components/TrustBadge.js';
import { Actions } from './Actions.js';
import { Fields } from '../components/Fields.js';
import { useT } from '../i18n/i18n.js';

type Decide = (approve: boolean) => void;

export function SwitchChainRequest({ detail, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'switch_chain' }>; busy: boolean; decide: Decide }) {
  const id = useId();
  const t = useT();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('approval.switchTitle')}</h2>
      <Fields
        label={t('approval.networks')}
        rows={[
          { label: t('approval.from'), value: t('approval.chainName', { name: detail.from.name, chainId: detail.from.chainId }) },
          { label: t('approval.to'), value: t('approval.chainName', { name: detail.to.name, chainId: detail.to.chainId }), testId: 'switch-to' },
        ]}
      />
      <p className="note">{t('approval.switchNote')}</p>
      <Actions approveLabel={t('approval.switch')} busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}

export function AddChainRequest({ detail, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'add_chain' }>; busy: boolean; decide: Decide }) {
  const id = useId();
  const n = detail.network;
  const [problem, setProblem] = useState<string | null>(null);
  const t = useT();
  // Talking to a new node needs its host permission, which the browser grants only inside the
  // click itself: ask first (synchronously in the handler), approve only if granted.
  const approve = () => {
    setProblem(null);
    const origins = [...new Set(n.rpcUrls.map(hostPermissionPattern))];
    chrome.permissions.request({ origins }).then(
      (granted) => (granted ? decide(true) : setProblem(t('approval.needPermission'))),
      () => setProblem(t('approval.permissionRefused')),
    );
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('approval.addChainTitle')}</h2>
      <Fields
        label={t('approval.networkLabel')}
        rows={[
          { label: t('approval.name'), value: n.name, testId: 'add-name' },
          { label: t('approval.chain'), value: String(n.chainId) },
          { label: t('approval.currency'), value: t('approval.currencyValue', { name: n.currencyName, symbol: n.currencySymbol }) },
          { label: t('approval.nodes'), value: n.rpcUrls.join('\n'), code: true },
          n.blockExplorerUrl === undefined ? null : { label: t('approval.explorer'), value: n.blockExplorerUrl, code: true },
        ]}
      />
      <Notice tone="danger" title={t('siteNodes.title', { network: n.name })}>
        <p data-testid="site-nodes-warning">{t('siteNodes.known', { site: detail.site })}</p>
        <p>{t('siteNodes.can')}</p>
        <p>{t('siteNodes.cannot')}</p>
        <p>{t('siteNodes.advice')}</p>
      </Notice>
      <p className="note">{t('approval.addChainNote')}</p>
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <Actions approveLabel={t('approval.addAndSwitch')} busy={busy} onReject={() => decide(false)} onApprove={approve} />
    </section>
  );
}

/**
 * A site asks to add a token. What the site claims is compared with what the contract itself
 * answers (cross-checked between nodes, with its badge): the contract's symbol and decimals are the
 * ones saved, so a site cannot make a balance look 1,000 times larger by claiming other decimals.
 * The background saves the token when the approval is accepted, with the contract's details by
 * the same rule.
 */
export function WatchAssetRequest({ detail, space, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'watch_asset' }>; space: Space; busy: boolean; decide: Decide }) {
  const id = useId();
  const a = detail.asset;
  const t = useT();
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
  const claimed = (value: string, fromContract: string | undefined) => (fromContract === undefined || fromContract === value ? value : t('approval.claimed', { contract: fromContract, site: value }));
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('approval.watchTitle')}</h2>
      <Fields
        label={t('approval.token')}
        rows={[
          { label: t('approval.symbol'), value: claimed(a.symbol, info?.symbol?.value), testId: 'asset-symbol' },
          { label: t('approval.decimals'), value: claimed(String(a.decimals), info?.decimals === undefined ? undefined : String(info.decimals.value)), testId: 'asset-decimals' },
          { label: t('approval.contract'), value: a.address, code: true },
        ]}
      />
      <div className="row-between wrap small" data-testid="asset-source">
        {contract.status === 'loading' ? (
          <span className="muted">{t('approval.askingContract')}</span>
        ) : info?.decimals ?? info?.symbol ? (
          <>
            <span>{t('approval.fromContract')}</span>
            <TrustBadge trust={(info.decimals ?? info.symbol)!.trust} subject={t('trust.subject.tokenDetails')} />
          </>
        ) : (
          <span className="muted">{t('approval.contractUnreadable')}</span>
        )}
      </div>
      {decimalsDiffer ? (
        <Notice tone="warn">
          {t('approval.decimalsDiffer', { claimed: a.decimals, actual: decimals, power: Math.abs(a.decimals - decimals) })}
        </Notice>
      ) : null}
      {symbolDiffers && !decimalsDiffer ? <Notice tone="info">{t('approval.symbolDiffers', { claimed: a.symbol, actual: symbol })}</Notice> : null}
      <p className="note">{t('approval.anyoneCanCreate')}</p>
      <Actions approveLabel={t('approval.addToken')} busy={busy} approveDisabled={contract.status === 'loading'} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}
