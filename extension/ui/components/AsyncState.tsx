/** Loading, error and empty states, the same everywhere. */
import type { ReactElement, ReactNode } from 'react';
import { Notice } from './Notice.js';

export function Loading({ label = 'Loading…' }: { label?: string }): ReactElement {
  return (
    <div className="row muted" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }): ReactElement {
  return (
    <Notice tone="danger" title={title} live>
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
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

/** The message of an error from the background or the UI; never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Unexpected error.';
}
