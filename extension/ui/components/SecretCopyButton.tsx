/**
 * Copies a secret (the recovery phrase) and takes it back off the clipboard after 30 seconds or
 * when the screen closes, unless the user copied something else meanwhile (lib/secret-clipboard).
 */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { browserSecretClipboard, SECRET_CLIPBOARD_TTL_MS, type ClearOutcome } from '../lib/secret-clipboard.js';
import { Icon } from './icons.js';
import { useT } from '../i18n/i18n.js';

/**
 * Reading the clipboard back (to clear it only if it still holds the secret) needs the
 * `clipboardRead` permission. It is asked for here, inside the click, where the browser allows the
 * prompt; when the manifest does not offer it, or the user declines, the copy still happens and
 * the screen says the clipboard could not be checked.
 */
async function requestClipboardRead(): Promise<void> {
  try {
    if (await chrome.permissions.contains({ permissions: ['clipboardRead'] })) return;
    await chrome.permissions.request({ permissions: ['clipboardRead'] });
  } catch {
    // Not requestable in this build: handled as "unreadable" when clearing.
  }
}

export function SecretCopyButton({ secret, label }: { secret: () => string; label: string }): ReactElement {
  const t = useT();
  const [status, setStatus] = useState<'idle' | 'copied' | ClearOutcome | 'failed'>('idle');
  const clipboard = useMemo(() => browserSecretClipboard((outcome) => setStatus(outcome)), []);
  useEffect(() => () => void clipboard.clear(), [clipboard]);
  // The copy does not wait for the permission prompt: the user may leave it open (or the browser
  // never show it), and the phrase must be on the clipboard either way. Both start inside the
  // click, where the browser allows them.
  const copy = () => {
    void requestClipboardRead();
    clipboard.copy(secret()).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };
  const message: Partial<Record<typeof status, string>> = {
    copied: t('secretCopy.copied', { seconds: SECRET_CLIPBOARD_TTL_MS / 1000 }),
    cleared: t('secretCopy.cleared'),
    replaced_by_user: t('secretCopy.replaced'),
    unreadable: t('secretCopy.unreadable'),
    failed: t('secretCopy.failed'),
  };
  return (
    <div className="stack">
      <button type="button" className="btn" onClick={copy}>
        <Icon name="copy" />
        {label}
      </button>
      <span className="small muted" role="status" data-testid="secret-copy-status">
        {message[status] ?? ''}
      </span>
    </div>
  );
}
