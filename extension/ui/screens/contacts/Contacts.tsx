/**
 * The address book of the current network: add (label, space, address, note), edit the label and
 * note, remove, and send to a contact. Kept by the background, so every wallet page sees the same
 * book; the background validates everything (labels without invisible or direction-changing
 * characters, addresses of the contact's space and network) and says why it refuses.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { Space } from '../../../../core/space.js';
import type { ContactView } from '../../../shared/ui-api/contacts.js';
import { contactsApi, useContacts } from '../../api/ecosystem.js';
import { useAction } from '../../api/hooks.js';
import { navigate } from '../../app/router.js';
import { useWallet } from '../../app/wallet.js';
import { AddressText } from '../../components/AddressText.js';
import { EmptyState, ErrorState, Loading } from '../../components/AsyncState.js';
import { TextField } from '../../components/Field.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { useT } from '../../i18n/i18n.js';

type NetworkKey = ContactView['network'];

export function Contacts(): ReactElement {
  const { network, space, setSpace } = useWallet();
  const contacts = useContacts();
  const t = useT();
  const [editing, setEditing] = useState<string>();
  // Each edit re-reads the book at once (the change event's refreshes are rate-limited).
  const remove = useAction(async (id: string) => {
    await contactsApi.remove(id);
    contacts.refresh();
  });
  if (!network) return <Loading />;
  const networkKey = network.id as NetworkKey;
  const mine = (contacts.data ?? []).filter((c) => c.network === networkKey);
  return (
    <div className="stack">
      <ScreenHeader title={t('contacts.title')} back="/settings" />
      <p className="small muted">{t('contacts.intro', { network: network.name })}</p>
      {contacts.error ? <ErrorState error={contacts.error} onRetry={contacts.refresh} /> : null}
      {!contacts.data && !contacts.error ? <Loading /> : null}
      {contacts.data && mine.length === 0 ? <EmptyState title={t('contacts.empty')}>{t('contacts.emptyHint')}</EmptyState> : null}
      {mine.length > 0 ? (
        <ul className="list" data-testid="contacts">
          {mine.map((c) =>
            editing === c.id ? (
              <li key={c.id} className="list-item">
                <EditContact
                  contact={c}
                  onDone={() => {
                    setEditing(undefined);
                    contacts.refresh();
                  }}
                />
              </li>
            ) : (
              <li key={c.id} className="list-item contact-item" data-contact={c.label}>
                <span className="grow">
                  <span className="primary">{c.label}</span>
                  <br />
                  <span className="secondary">{c.space === 'core' ? t('common.coreSpace') : t('common.eSpace')}</span>
                  <br />
                  <AddressText address={c.address} full />
                  {c.note ? (
                    <>
                      <br />
                      <span className="secondary">{c.note}</span>
                    </>
                  ) : null}
                  <span className="btn-row">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => {
                        if (c.space !== space) setSpace(c.space);
                        navigate(`/send?to=${encodeURIComponent(c.address)}`);
                      }}
                    >
                      {t('contacts.send')}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => setEditing(c.id)} aria-label={t('contacts.editNamed', { label: c.label })}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => void remove.run(c.id)} aria-label={t('contacts.removeNamed', { label: c.label })}>
                      {t('common.remove')}
                    </button>
                  </span>
                </span>
              </li>
            ),
          )}
        </ul>
      ) : null}
      {remove.error ? <ErrorState error={remove.error} /> : null}
      <AddContact network={networkKey} defaultSpace={space} onSaved={contacts.refresh} />
    </div>
  );
}

function AddContact({ network, defaultSpace, onSaved }: { network: NetworkKey; defaultSpace: Space; onSaved: () => void }): ReactElement {
  const t = useT();
  const [space, setSpace] = useState<Space>(defaultSpace);
  const [label, setLabel] = useState('');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const add = useAction((input: Parameters<typeof contactsApi.add>[0]) => contactsApi.add(input));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run({ label, space, network, address: address.trim(), ...(note.trim() ? { note } : {}) }).then((saved) => {
      if (!saved) return;
      onSaved();
      setLabel('');
      setAddress('');
      setNote('');
    });
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate data-testid="contact-add">
      <h2>{t('contacts.addTitle')}</h2>
      <SegmentedControl
        label={t('contacts.space')}
        value={space}
        options={[
          { value: 'core', label: t('common.coreSpace') },
          { value: 'espace', label: t('common.eSpace') },
        ]}
        onChange={setSpace}
      />
      <TextField label={t('contacts.label')} value={label} onChange={(e) => setLabel(e.target.value)} autoComplete="off" maxLength={64} />
      <TextField label={t('contacts.address')} value={address} onChange={(e) => setAddress(e.target.value)} placeholder={space === 'core' ? 'cfx:…' : '0x…'} autoComplete="off" spellCheck={false} autoCapitalize="off" />
      <TextField label={t('contacts.note')} value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" maxLength={500} />
      <button type="submit" className="btn btn-primary" disabled={add.busy || label.trim() === '' || address.trim() === ''}>
        {t('contacts.save')}
      </button>
      {add.error ? <ErrorState error={add.error} title={t('contacts.notSaved')} /> : null}
    </form>
  );
}

function EditContact({ contact, onDone }: { contact: ContactView; onDone: () => void }): ReactElement {
  const t = useT();
  const [label, setLabel] = useState(contact.label);
  const [note, setNote] = useState(contact.note);
  const save = useAction(() => contactsApi.update(contact.id, { label, note }));
  return (
    <form
      className="grow stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save.run().then((saved) => {
          if (saved) onDone();
        });
      }}
    >
      <AddressText address={contact.address} full />
      <TextField label={t('contacts.label')} value={label} onChange={(e) => setLabel(e.target.value)} autoComplete="off" maxLength={64} />
      <TextField label={t('contacts.note')} value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" maxLength={500} />
      <span className="btn-row">
        <button type="button" className="btn" onClick={onDone}>
          {t('contacts.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.busy}>
          {t('contacts.save')}
        </button>
      </span>
      {save.error ? <ErrorState error={save.error} title={t('contacts.notSaved')} /> : null}
    </form>
  );
}
