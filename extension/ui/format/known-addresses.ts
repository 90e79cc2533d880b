/**
 * The addresses the user chose, for the poisoning checks: their own accounts, their saved contacts
 * (of this network and space) and the recipients of transactions they signed. Never the senders of
 * received transfers (an attacker picks those).
 * @module
 */
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import type { KnownAddress } from '../../../core/poisoning/recipients.js';
import type { Space } from '../../../core/space.js';
import type { AccountItem, TxItem } from '../model/wallet.js';
import type { ContactView } from '../../shared/ui-api/contacts.js';

export function knownAddresses(space: Space, coreNetworkId: number, accounts: readonly AccountItem[], sent: readonly TxItem[], contacts: readonly Pick<ContactView, 'address' | 'label'>[] = []): KnownAddress[] {
  return [
    ...accounts.map((a) => ({ address: space === 'core' ? encodeCfxAddress(a.coreHex, coreNetworkId) : a.espaceAddress, source: 'account' as const, label: a.name })),
    ...contacts.map((c) => ({ address: c.address, source: 'contact' as const, label: c.label })),
    ...sent.flatMap((tx) => {
      const to = tx.token?.to ?? tx.to;
      return typeof to === 'string' && tx.direction !== 'in' ? [{ address: to, source: 'sent' as const }] : [];
    }),
  ];
}
