/** The title row of a screen, with a back link to its parent screen. */
import type { ReactElement, ReactNode } from 'react';
import { Link } from '../app/router.js';
import { Icon } from './icons.js';
import { useT } from '../i18n/i18n.js';

export function ScreenHeader({ title, back, actions }: { title: string; back?: string; actions?: ReactNode }): ReactElement {
  const t = useT();
  return (
    <div className="screen-header">
      {back !== undefined ? (
        <Link to={back} className="btn btn-ghost btn-icon" aria-label={t('common.back')}>
          <Icon name="back" />
        </Link>
      ) : null}
      <h1>{title}</h1>
      {actions}
    </div>
  );
}
