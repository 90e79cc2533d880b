/**
 * A modal bottom sheet (centred dialog on wide screens) on the native <dialog> element: focus is
 * trapped and restored, Escape closes it, and the rest of the page is inert while it is open.
 */
import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';
import { Icon } from './icons.js';
import { useT } from '../i18n/i18n.js';

export function Sheet({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }): ReactElement | null {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="sheet"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose(); // a click on the backdrop
      }}
    >
      <div className="row-between">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label={t('common.close')}>
          <Icon name="close" />
        </button>
      </div>
      {children}
    </dialog>
  );
}
