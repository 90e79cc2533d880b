/**
 * Message signatures: personal_sign (text when the bytes are readable UTF-8, hex otherwise) and
 * typed data (domain with its chain, then the message as a tree).
 */
import { useId } from 'react';
import type { AccountChoice, ApprovalDetail } from '../../shared/ui-api/provider.js';
import { Actions } from './Actions.js';
import { Fields } from './Fields.js';
import { JsonTree } from './JsonTree.js';

function Signer({ account }: { account: AccountChoice }) {
  return <Fields label="Signing account" rows={[{ label: 'Account', value: `${account.name || 'Account'}`, testId: 'signer-name' }, { label: 'Address', value: account.address, code: true }]} />;
}

export function PersonalSignRequest({ detail, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'personal_sign' }>; busy: boolean; decide: (approve: boolean) => void }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sign this message?</h2>
      <p>Signing proves you control this account. Only sign messages you understand.</p>
      <Signer account={detail.account} />
      <h3>Message ({detail.byteLength} bytes)</h3>
      {detail.text !== null ? (
        <pre className="message" data-testid="message-text">
          {detail.text}
        </pre>
      ) : (
        <>
          <p className="note">Not readable text: shown as the exact bytes (hex).</p>
          <pre className="message code" data-testid="message-hex">
            {detail.hex}
          </pre>
        </>
      )}
      <Actions approveLabel="Sign" busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}

export function TypedDataRequest({ detail, busy, decide }: { detail: Extract<ApprovalDetail, { kind: 'typed_data' }>; busy: boolean; decide: (approve: boolean) => void }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sign typed data?</h2>
      <p>
        A structured <strong>{detail.primaryType}</strong> message ({detail.domainType}). Such signatures can authorize actions in contracts; check every field.
      </p>
      <Signer account={detail.account} />
      <h3>Domain</h3>
      <p className="note" data-testid="typed-chain">
        {detail.chainId === null ? 'Not bound to a chain.' : `For chain ${detail.chainId} (the active network).`}
      </p>
      <JsonTree value={detail.domain} label="Domain" />
      <h3>Message</h3>
      <JsonTree value={detail.message} label="Message" />
      <Actions approveLabel="Sign" busy={busy} onReject={() => decide(false)} onApprove={() => decide(true)} />
    </section>
  );
}
