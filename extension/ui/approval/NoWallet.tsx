/**
 * Shown instead of the unlock form when there is no wallet to unlock yet (or it cannot be read):
 * the request can only be rejected here; setting up happens in the wallet itself.
 */
import { useT } from '../i18n/i18n.js';

export function NoWallet({ state, onReject }: { state: 'empty' | 'unreadable'; onReject: () => void }) {
  const openWallet = () => void chrome.tabs.create({ url: chrome.runtime.getURL('popup.html') });
  const t = useT();
  return (
    <section className="card" aria-labelledby="no-wallet-title">
      <h2 id="no-wallet-title">{state === 'empty' ? t('approval.noWalletTitle') : t('approval.unreadableTitle')}</h2>
      <p>{state === 'empty' ? t('approval.noWallet') : t('approval.unreadable')}</p>
      <div className="actions">
        <button type="button" className="secondary" data-testid="reject" onClick={onReject}>
          {t('common.reject')}
        </button>
        <button type="button" className="primary" onClick={openWallet}>
          {t('approval.openWallet')}
        </button>
      </div>
    </section>
  );
}
