/**
 * The approval page: the requesting site first, then the unlock form (if locked), then the request
 * itself. One request at a time; the next one (from this or another site) follows when answered,
 * and the window closes when nothing is left. Escape rejects.
 */
import { useEffect, useRef, useState } from 'react';
import { background } from '../api/client.js';
import type { ApprovalView } from '../../shared/ui-api/provider.js';
import { ConnectRequest } from './ConnectRequest.js';
import { AddChainRequest, SwitchChainRequest, WatchAssetRequest } from './NetworkRequests.js';
import { OriginHeader } from './OriginHeader.js';
import { PersonalSignRequest, TypedDataRequest } from './SignRequests.js';
import { TransactionRequest } from './TransactionRequest.js';
import { CallsRequest } from './CallsRequest.js';
import { NoWallet } from './NoWallet.js';
import { Unlock } from './Unlock.js';
import { useApproval, type ApprovalController } from './use-approval.js';
import { SiteWarning } from './SiteWarning.js';
import type { CapEditor } from '../components/Effects.js';
import { useT } from '../i18n/i18n.js';

function Request({ view, busy, decide, edit }: { view: ApprovalView; busy: boolean; decide: (approve: boolean, accountId?: string) => void; edit: ApprovalController['edit'] }) {
  const d = view.detail;
  const t = useT();
  const cap: CapEditor = { busy, set: (value, index) => edit((id) => background.call('provider.setSpendingCap', { id, cap: value.toString(), index })) };
  const setGas = (gas: bigint) => edit((id) => background.call('provider.setGasLimit', { id, gas: gas.toString() }));
  const native = view.network.currencySymbol;
  switch (d.kind) {
    case 'connect':
      return <ConnectRequest detail={d} busy={busy} decide={decide} />;
    case 'unlock':
      // Unlocked already (e.g. in the popup): the background answers these by itself.
      return <p className="note">{t('approval.unlocked')}</p>;
    case 'personal_sign':
      return <PersonalSignRequest detail={d} busy={busy} decide={decide} />;
    case 'typed_data':
      return <TypedDataRequest detail={d} busy={busy} decide={decide} native={native} cap={cap} />;
    case 'transaction':
      return <TransactionRequest detail={d} space={view.space} busy={busy} decide={decide} native={native} cap={cap} setGas={setGas} />;
    case 'calls':
      return <CallsRequest detail={d} space={view.space} busy={busy} decide={decide} native={native} />;
    case 'switch_chain':
      return <SwitchChainRequest detail={d} busy={busy} decide={decide} />;
    case 'add_chain':
      return <AddChainRequest detail={d} busy={busy} decide={decide} />;
    case 'watch_asset':
      return <WatchAssetRequest detail={d} space={view.space} busy={busy} decide={(approve) => decide(approve)} />;
  }
}

export function ApprovalApp() {
  const { state, reload, decide, edit } = useApproval();
  // Requests whose site warning the user chose to pass (by id: each request from such a site warns again).
  const [passed, setPassed] = useState<ReadonlySet<string>>(new Set());
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);
  const shownId = state.status === 'ready' ? state.view.id : null;
  const locked = state.status === 'ready' && state.view.locked;
  // Locked could also mean "no wallet yet" (or an unreadable one): then there is nothing to unlock.
  const [vaultState, setVaultState] = useState<string | null>(null);
  useEffect(() => {
    if (!locked) return;
    let live = true;
    background.call('vault.status').then(
      (status) => live && setVaultState(status.state),
      () => live && setVaultState(null),
    );
    return () => {
      live = false;
    };
  }, [locked, shownId]);

  // A new request: move focus to its start so keyboard and screen-reader users begin at the origin.
  useEffect(() => {
    if (shownId !== null) mainRef.current?.focus();
  }, [shownId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && state.status === 'ready' && !state.busy) void decide(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state, decide]);

  return (
    <main ref={mainRef} tabIndex={-1} className="approval">
      <h1 className="brand">Wayfarer</h1>
      {state.status === 'loading' && <p aria-live="polite">{t('common.loading')}</p>}
      {state.status === 'empty' && <p aria-live="polite">{t('approval.empty')}</p>}
      {state.status === 'error' && (
        <div role="alert" className="card">
          <p className="error">{state.message}</p>
          <button type="button" className="secondary" onClick={reload}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <OriginHeader view={state.view} />
          {state.view.waiting > 1 && <p className="queue">{t('approval.queue', { count: state.view.waiting })}</p>}
          {state.view.locked ? (
            vaultState === 'empty' || vaultState === 'unreadable' ? (
              <NoWallet state={vaultState} onReject={() => void decide(false)} />
            ) : (
              <Unlock onUnlocked={reload} onReject={() => void decide(false)} />
            )
          ) : (
            state.view.site !== null && !passed.has(state.view.id) ? (
              <SiteWarning site={state.view.site} busy={state.busy} onReject={() => void decide(false)} onContinue={() => setPassed((old) => new Set(old).add(state.view.id))} />
            ) : (
              <Request key={state.view.id} view={state.view} busy={state.busy} decide={(approve, accountId) => void decide(approve, accountId)} edit={edit} />
            )
          )}
          {state.error !== null && (
            <p className="error" role="alert">
              {state.error}
            </p>
          )}
        </>
      )}
    </main>
  );
}
