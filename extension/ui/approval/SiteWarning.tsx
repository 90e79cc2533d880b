/**
 * The full-page warning before anything from a phishing or look-alike site: shown instead of the
 * request, with rejecting as the easy way out and "continue anyway" kept deliberate (a box to tick
 * first, then a plain button that is not styled as the default action).
 */
import { useId, useState, type ReactElement } from 'react';
import { Trans } from 'react-i18next';
import type { SiteWarningView } from '../../shared/ui-api/provider.js';
import { useT } from '../i18n/i18n.js';

const REASONS: Readonly<Record<string, string>> = {
  blocklisted: 'safety.site.reason.blocklisted',
  fuzzy_target: 'safety.site.reason.fuzzy_target',
  homoglyph: 'safety.site.reason.homoglyph',
  one_edit: 'safety.site.reason.one_edit',
  other_tld: 'safety.site.reason.other_tld',
  contains_name: 'safety.site.reason.contains_name',
};

export function SiteWarning({ site, busy, onReject, onContinue }: { site: SiteWarningView; busy: boolean; onReject: () => void; onContinue: () => void }): ReactElement {
  const t = useT();
  const id = useId();
  const [understood, setUnderstood] = useState(false);
  const reason = Object.hasOwn(REASONS, site.reason) ? REASONS[site.reason]! : null;
  return (
    <section className="card site-warning" role="alert" aria-labelledby={`${id}-title`} data-testid="site-warning">
      <h2 id={`${id}-title`}>{site.verdict === 'phishing' ? t('safety.site.phishingTitle') : t('safety.site.lookalikeTitle')}</h2>
      <p>
        {site.verdict === 'phishing' ? (
          <Trans i18nKey="safety.site.phishing" values={{ host: site.host }} components={{ b: <strong className="host" /> }} />
        ) : (
          <Trans i18nKey="safety.site.lookalike" values={{ host: site.host, similarTo: site.similarTo ?? '' }} components={{ b: <strong className="host" /> }} />
        )}
      </p>
      {reason !== null ? <p className="note">{(t as (key: string, options?: object) => string)(reason, { similarTo: site.similarTo ?? '' })}</p> : null}
      {site.asciiHost !== site.host ? <p className="note">{t('safety.site.ascii', { host: site.asciiHost })}</p> : null}
      <p className="note">{t('safety.site.local', { list: site.list })}</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="reject" onClick={onReject} disabled={busy}>
          {t('safety.site.leave')}
        </button>
      </div>
      <details>
        <summary>{t('safety.site.more')}</summary>
        <label className="check-line">
          <input type="checkbox" data-testid="site-understand" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          <span>{t('safety.site.understand')}</span>
        </label>
        <button type="button" className="secondary" data-testid="site-continue" disabled={!understood || busy} onClick={onContinue}>
          {t('safety.site.continue')}
        </button>
      </details>
    </section>
  );
}
