/** Loading, error and empty states, the same everywhere. */
import type { ReactElement, ReactNode } from 'react';
import { Notice } from './Notice.js';
import { useT } from '../i18n/i18n.js';
import { describeError } from '../i18n/errors.js';

export function Loading({ label }: { label?: string }): ReactElement {
  const t = useT();
  return (
    <div className="row muted" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }): ReactElement {
  const t = useT();
  const { message, details } = describeError(error);
  return (
    <Notice tone="danger" title={title ?? t('errors.title')} live>
      <p>{message}</p>
      {details !== undefined ? <p className="small break">{t('errors.details', { message: details })}</p> : null}
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </Notice>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }): ReactElement {
  return (
    <div className="card center stack" data-testid="empty-state">
      <strong>{title}</strong>
      {children ? <div className="muted">{children}</div> : null}
    </div>
  );
}
