/**
 * EIP-1193 events to pages: `chainChanged` when the active network of a space changes, and
 * `accountsChanged` when what an origin may see changes (connect, disconnect, lock, unlock, account
 * removed, or — on Core — a network change, since base32 addresses name their network).
 *
 * Only origins that hold (or just lost) a grant receive `accountsChanged`, and a document is not sent
 * the list it was last given, so pages see the events they would from Fluent or MetaMask and nothing
 * about other origins. What a document was told lives in memory; after a worker restart the next
 * change is sent regardless (possibly repeating a list, never missing a change).
 * @module
 */
import { SPACES, type Space } from '../../../core/space.js';
import { visibleAddresses } from './accounts.js';
import type { Connections } from './connections.js';
import type { PermissionStore } from './permissions.js';
import type { Requester } from './requester.js';
import type { ProviderChain, ProviderKeyring } from './wallet-services.js';

export class ProviderEvents {
  private readonly lastAccounts = new Map<string, string>();

  constructor(
    private readonly connections: Connections,
    private readonly permissions: PermissionStore,
    private readonly keyring: ProviderKeyring,
    private readonly chain: ProviderChain,
  ) {}

  private async sendAccounts(doc: Requester, space: Space): Promise<void> {
    const addresses = await visibleAddresses({ requester: doc, space, keyring: this.keyring, chain: this.chain, permissions: this.permissions });
    const key = `${doc.documentId}|${space}`;
    const text = JSON.stringify(addresses);
    // Unknown (e.g. after a worker restart): tell it; a repeated list is harmless, a missed one is not.
    if (this.lastAccounts.get(key) === text) return;
    this.lastAccounts.set(key, text);
    await this.connections.deliver(doc.documentId, { type: 'event', space, name: 'accountsChanged', data: addresses });
  }

  /** Records what a document was just told (an answer to `*_accounts` or the provider state). */
  noteAccounts(documentId: string, space: Space, addresses: unknown): void {
    if (Array.isArray(addresses)) this.lastAccounts.set(`${documentId}|${space}`, JSON.stringify(addresses));
  }

  /** The visible accounts of one origin may have changed (grant, revoke). */
  async accountsChanged(origin: string, spaces: readonly Space[] = SPACES): Promise<void> {
    for (const doc of await this.connections.known(origin)) for (const space of spaces) await this.sendAccounts(doc, space);
  }

  /** Lock, unlock, or accounts added/removed: every connected origin may see something else. */
  async walletChanged(): Promise<void> {
    const sites = await this.permissions.list();
    for (const doc of await this.connections.known()) {
      const site = sites[doc.origin];
      if (!site) continue;
      for (const space of SPACES) if (site[space]) await this.sendAccounts(doc, space);
    }
  }

  async chainChanged(space: Space): Promise<void> {
    const { chainId } = await this.chain.activeNetwork(space);
    const data = `0x${chainId.toString(16)}`;
    for (const doc of await this.connections.known()) await this.connections.deliver(doc.documentId, { type: 'event', space, name: 'chainChanged', data });
    // Core addresses are written per network, so connected Core sites see new strings.
    if (space === 'core') await this.walletChanged();
  }
}
