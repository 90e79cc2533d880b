/** Copies a public value (address, hash) and confirms it briefly. Secrets use SecretCopyButton. */
import { useEffect, useState, type ReactElement } from 'react';
import { Icon } from './icons.js';
import { useT } from '../i18n/i18n.js';

export function CopyButton({ value, label, small }: { value: string; label?: string; small?: boolean }): ReactElement {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <button type="button" className={`btn ${small ? 'btn-small' : ''}`} onClick={() => void copy()}>
      <Icon name={state === 'copied' ? 'check' : 'copy'} />
      <span aria-live="polite">{state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : (label ?? t('common.copy'))}</span>
    </button>
  );
}
