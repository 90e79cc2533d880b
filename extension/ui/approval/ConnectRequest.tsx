/**
 * Connect: the user picks the one account the site may see. The site learns nothing until then.
 */
import { useId, useState } from 'react';
import type { ApprovalDetail } from '../../shared/ui-api/provider.js';
import { Actions } from './Actions.js';
import { useT } from '../i18n/i18n.js';

type Detail = Extract<ApprovalDetail, { kind: 'connect' }>;

export function ConnectRequest({ detail, busy, decide }: { detail: Detail; busy: boolean; decide: (approve: boolean, accountId?: string) => void }) {
  const [chosen, setChosen] = useState<string | undefined>(detail.accounts[0]?.id);
  const id = useId();
  const t = useT();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('approval.connectTitle')}</h2>
      <p>{t('approval.connectIntro')}</p>
      {detail.accounts.length === 0 ? (
        <p className="warning">{t('approval.noAccounts')}</p>
      ) : (
        <fieldset className="accounts">
          <legend>{t('common.account')}</legend>
          {detail.accounts.map((account) => (
            <label key={account.id} className="account">
              <input type="radio" name={`${id}-account`} value={account.id} checked={chosen === account.id} onChange={() => setChosen(account.id)} />
              <span className="account-name">{account.name || t('common.account')}</span>
              <span className="code">{account.address}</span>
            </label>
          ))}
        </fieldset>
      )}
      <Actions approveLabel={t('approval.connect')} busy={busy} approveDisabled={chosen === undefined} onReject={() => decide(false)} onApprove={() => decide(true, chosen)} />
    </section>
  );
}
