/**
 * Connect: the user picks the one account the site may see. The site learns nothing until then.
 */
import { useId, useState } from 'react';
import type { ApprovalDetail } from '../../shared/ui-api/provider.js';
import { Actions } from './Actions.js';

type Detail = Extract<ApprovalDetail, { kind: 'connect' }>;

export function ConnectRequest({ detail, busy, decide }: { detail: Detail; busy: boolean; decide: (approve: boolean, accountId?: string) => void }) {
  const [chosen, setChosen] = useState<string | undefined>(detail.accounts[0]?.id);
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Connect to this site?</h2>
      <p>The site will see the address you choose and may ask you to sign. You approve every signature and transaction separately, and can disconnect at any time.</p>
      {detail.accounts.length === 0 ? (
        <p className="warning">There are no accounts in this wallet yet.</p>
      ) : (
        <fieldset className="accounts">
          <legend>Account</legend>
          {detail.accounts.map((account) => (
            <label key={account.id} className="account">
              <input type="radio" name={`${id}-account`} value={account.id} checked={chosen === account.id} onChange={() => setChosen(account.id)} />
              <span className="account-name">{account.name || 'Account'}</span>
              <span className="code">{account.address}</span>
            </label>
          ))}
        </fieldset>
      )}
      <Actions approveLabel="Connect" busy={busy} approveDisabled={chosen === undefined} onReject={() => decide(false)} onApprove={() => decide(true, chosen)} />
    </section>
  );
}
