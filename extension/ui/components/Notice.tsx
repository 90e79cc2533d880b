/** A coloured message block: information, a warning to read, or an error. */
import type { ReactElement, ReactNode } from 'react';
import { Icon } from './icons.js';

export function Notice({ tone, title, children, live }: { tone: 'info' | 'warn' | 'danger'; title?: string; children?: ReactNode; live?: boolean }): ReactElement {
  const role = live ? (tone === 'danger' ? 'alert' : 'status') : undefined;
  return (
    <div className={`notice notice-${tone}`} role={role}>
      <Icon name={tone === 'info' ? 'question' : 'alert'} />
      <div className="grow">
        {title ? <span className="notice-title">{title}</span> : null}
        {children}
      </div>
    </div>
  );
}
