/**
 * Shown instead of the unlock form when there is no wallet to unlock yet (or it cannot be read):
 * the request can only be rejected here; setting up happens in the wallet itself.
 */
export function NoWallet({ state, onReject }: { state: 'empty' | 'unreadable'; onReject: () => void }) {
  const openWallet = () => void chrome.tabs.create({ url: chrome.runtime.getURL('popup.html') });
  return (
    <section className="card" aria-labelledby="no-wallet-title">
      <h2 id="no-wallet-title">{state === 'empty' ? 'Set up Wayfarer first' : 'Your wallet needs attention'}</h2>
      <p>{state === 'empty' ? 'There is no wallet yet. Create or import one, then try again from the site.' : 'The stored wallet cannot be read. Open Wayfarer to restore it from a backup.'}</p>
      <div className="actions">
        <button type="button" className="secondary" data-testid="reject" onClick={onReject}>
          Reject
        </button>
        <button type="button" className="primary" onClick={openWallet}>
          Open Wayfarer
        </button>
      </div>
    </section>
  );
}
