import { describe, expect, test } from 'vitest';
import { memoryArea } from '../storage-area.js';
import { CONTACTS_KEY, ContactsService } from './service.js';

const ESPACE = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const CORE = 'cfx:aak2rra2njvd77ezwjvx04kkds9fzagfe6ku8scz91';

function make() {
  const area = memoryArea();
  let changes = 0;
  let now = 1_700_000_000_000;
  const service = new ContactsService({ area, now: () => now++, changed: () => changes++ });
  return { area, service, changes: () => changes };
}

describe('ContactsService', () => {
  test('add, edit, remove: stored in the versioned form, announced each time', async () => {
    const { area, service, changes } = make();
    const alice = await service.add({ label: 'Alice', space: 'espace', network: 'mainnet', address: ESPACE.toLowerCase() });
    expect(alice).toMatchObject({ label: 'Alice', address: ESPACE, id: `mainnet/espace/${ESPACE.toLowerCase()}` });
    await service.add({ label: 'Bob', space: 'core', network: 'mainnet', address: CORE, note: 'rent' });
    expect((await area.get(CONTACTS_KEY)) as { version: number }).toMatchObject({ version: 1 });
    await service.update(alice.id, { label: 'Alice L.' });
    expect((await service.list()).contacts.map((c) => c.label)).toEqual(['Alice L.', 'Bob']);
    await service.remove(alice.id);
    expect((await service.list()).contacts.map((c) => c.label)).toEqual(['Bob']);
    expect(changes()).toBe(4);
  });

  test('duplicates and bad input are typed errors; concurrent adds both land', async () => {
    const { service } = make();
    await expect(service.add({ label: 'x', space: 'core', network: 'mainnet', address: 'not an address' })).rejects.toMatchObject({ code: 'contacts.address' });
    await Promise.all([service.add({ label: 'A', space: 'espace', network: 'local', address: ESPACE }), service.add({ label: 'B', space: 'core', network: 'mainnet', address: CORE })]);
    expect((await service.list()).contacts).toHaveLength(2);
    await expect(service.add({ label: 'a', space: 'espace', network: 'testnet', address: ESPACE })).resolves.toBeDefined();
    await expect(service.add({ label: 'a', space: 'espace', network: 'local', address: '0x' + '11'.repeat(20) })).rejects.toMatchObject({ code: 'contacts.duplicate_label' });
  });

  test('a stored book of another version is never overwritten', async () => {
    const { area, service } = make();
    await area.set(CONTACTS_KEY, { version: 2, contacts: [] });
    await expect(service.add({ label: 'A', space: 'espace', network: 'mainnet', address: ESPACE })).rejects.toMatchObject({ code: 'contacts.unsupported_version' });
    expect(await area.get(CONTACTS_KEY)).toEqual({ version: 2, contacts: [] });
  });
});
