/**
 * Who is asking, shown first and prominently: scheme, host (punycode as the browser resolves it,
 * never prettified into look-alike letters), port, and the embedding page when the request comes
 * from a frame. Warnings for plain http and internationalized names.
 */
import type { ApprovalView } from '../../shared/ui-api/provider.js';

export function OriginHeader({ view }: { view: ApprovalView }) {
  const { origin, frame } = view.requester;
  return (
    <header className="origin" aria-label="Requesting site">
      <p className="origin-label">Request from</p>
      <p className="origin-host" data-testid="origin">
        <span className={origin.scheme === 'https' ? 'scheme' : 'scheme scheme-insecure'}>{origin.scheme}://</span>
        <strong>{origin.host}</strong>
        {origin.port !== null && <span className="port">:{origin.port}</span>}
      </p>
      {frame !== null && (
        <p className="note" data-testid="frame-note">
          From a frame embedded in {frame.topOrigin === null ? 'a page Wayfarer cannot identify' : <strong>{frame.topOrigin}</strong>}. This site is not the page you are looking at.
        </p>
      )}
      {origin.insecure && <p className="warning">This site uses plain http: anyone on the network can change what it asks.</p>}
      {origin.punycode && <p className="warning">This name uses international characters (shown as “xn--…”). Make sure it is the site you expect.</p>}
      <p className="network">
        {view.space === 'core' ? 'Core space' : 'eSpace'} · {view.network.name} (chain {view.network.chainId})
      </p>
    </header>
  );
}
