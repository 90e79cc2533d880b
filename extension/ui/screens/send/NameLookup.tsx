/**
 * A CNS name typed as the recipient: looked up only when asked, and the answer shown in full —
 * the address, how far it is trusted, the registry and resolver read, the epoch — before the user
 * chooses to send to it. A name that does not resolve says why. Nothing replaces the recipient
 * unless the user presses "Send to this address".
 */
import type { ReactElement } from 'react';
import type { NameResolutionView } from '../../../shared/ui-api/names.js';
import { AddressText } from '../../components/AddressText.js';
import { ErrorState } from '../../components/AsyncState.js';
import { TrustBadge } from '../../components/TrustBadge.js';
import { t as translate, useT } from '../../i18n/i18n.js';

export function trustLabel(trust: NameResolutionView['trust']): string {
  switch (trust) {
    case 'verified':
      return translate('names.trust.verified');
    case 'cross-checked':
      return translate('names.trust.crossChecked');
    case 'single-source':
      return translate('names.trust.singleSource');
    default:
      return translate('names.trust.conflict');
  }
}

function reasonText(reason: string | null): string {
  switch (reason) {
    case 'no_resolver':
      return translate('names.reason.no_resolver');
    case 'no_address':
      return translate('names.reason.no_address');
    default:
      return translate('names.reason.invalid');
  }
}

export function NameLookup({ name, state, onLookUp, onUse }: { name: string; state: { result?: NameResolutionView; error?: unknown } | undefined; onLookUp: (name: string) => void; onUse: (result: NameResolutionView) => void }): ReactElement {
  const t = useT();
  const result = state?.result;
  return (
    <div className="card card-tight stack" data-testid="name-lookup">
      {!state ? (
        <button type="button" className="btn" onClick={() => onLookUp(name)}>
          {t('names.lookUp', { name })}
        </button>
      ) : state.error ? (
        <ErrorState error={state.error} title={t('names.failed')} />
      ) : !result ? (
        <span className="small muted">{t('names.looking', { name })}</span>
      ) : (
        <div className="stack" data-testid="name-result" data-status={result.status}>
          <div className="row-between wrap">
            <strong>{result.normalized}</strong>
            <TrustBadge trust={{ level: result.trust }} subject={t('names.subject')} />
          </div>
          {result.changed ? <span className="small muted">{t('names.normalized', { typed: result.name, normalized: result.normalized })}</span> : null}
          {result.status === 'resolved' && result.address ? (
            <>
              <span className="small">{t('names.resolvesTo')}</span>
              <AddressText address={result.address} full />
              <span className="small muted break">{t('names.how', { registry: result.registry, epoch: result.epochs.join(', '), trust: trustLabel(result.trust) })}</span>
              <button type="button" className="btn btn-primary" onClick={() => onUse(result)} disabled={result.trust === 'conflict'}>
                {t('names.use')}
              </button>
            </>
          ) : (
            <span className="field-error">{reasonText(result.reason)}</span>
          )}
        </div>
      )}
    </div>
  );
}
