/** Vault API results → screen models. */
import type { KeyringView, VaultStatusView } from '../../../shared/ui-api/vault.js';
import type { AccountItem } from '../../model/wallet.js';
import type { VaultState } from '../backend.js';

const STATUS: Record<VaultStatusView['state'], VaultState['status']> = {
  empty: 'uninitialized',
  locked: 'locked',
  unlocked: 'unlocked',
  unreadable: 'unreadable',
};

export function vaultStateFromApi(view: VaultStatusView): VaultState {
  return {
    status: STATUS[view.state],
    retryAt: view.retryAt > 0 ? view.retryAt : undefined,
    failedAttempts: view.failedAttempts,
    lockAt: view.lockAt,
    unreadable: view.unreadable ? { message: view.unreadable.message, previousAvailable: view.unreadable.previousAvailable } : null,
  };
}

/** Visible accounts in the user's order. */
export function accountsFromApi(view: KeyringView): AccountItem[] {
  return view.accounts
    .filter((a) => !a.hidden)
    .map((a) => ({
      id: a.id,
      walletId: a.walletId,
      name: a.name,
      coreAddress: a.coreAddress,
      coreHex: a.coreHexAddress,
      espaceAddress: a.evmAddress,
      kind: a.walletKind === 'hd' ? 'hd' : 'private-key',
    }));
}

/** The recovery-phrase wallet an action about `accountId` refers to: its own, else the first one. */
export function phraseWalletOf(view: KeyringView, accountId: string | undefined): string | undefined {
  const own = view.accounts.find((a) => a.id === accountId);
  if (own && own.walletKind === 'hd') return own.walletId;
  return view.wallets.find((w) => w.kind === 'hd')?.id;
}
