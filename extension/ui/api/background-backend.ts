/**
 * {@link WalletBackend} over the UI↔background API (extension/shared/ui-api). This is the one file
 * that knows the wire names and shapes of the vault and chain services; adapters in ./adapters/
 * turn their results into screen models.
 */
import type { Hex } from '../../../core/encoding/hex.js';
import { WayfarerError } from '../../../core/errors.js';
import type { Space } from '../../../core/space.js';
import type { TokenItem } from '../model/wallet.js';
import type { WalletBackend } from './backend.js';
import { background } from './client.js';
import { accountsFromApi, phraseWalletOf, vaultStateFromApi } from './adapters/vault.js';
import { balanceFromApi, lightClientFromApi, networksFromStatus, syncSummaryFromApi, nodeFromApi, receivedFromApi, tokenInfoFromApi, txFromApi } from './adapters/chain.js';
import { preparedFromApi, tokenParam } from './adapters/send.js';
import { moveLegacyTokenLists } from '../lib/token-list.js';
import { t } from '../i18n/i18n.js';

/** The wallet list does not depend on the network; any valid id gives the same wallets. */
const ANY_NETWORK_ID = 1029;

async function phraseWallet(accountId: string | undefined): Promise<string> {
  const view = await background.call('vault.accounts', { networkId: ANY_NETWORK_ID });
  const walletId = phraseWalletOf(view, accountId);
  if (walletId === undefined) throw new WayfarerError('ui.no_phrase', 'This wallet has only imported keys; there is no recovery phrase.');
  return walletId;
}

/** The token list of `space` with balances of `address`: fresh (`chain.balances`) or last known. */
async function tokenItems(space: Space, address: string, read: 'chain.balances' | 'chain.lastKnownBalances'): Promise<TokenItem[]> {
  await moveLegacyTokenLists();
  const list = await background.call('tokens.list', { space });
  if (list.length === 0) return [];
  const views = await background.call(read, { space, addresses: [address], tokens: list.map((t) => t.address) });
  return list.map((token) => {
    const view = views.find((v) => v.token !== undefined && v.token.toLowerCase() === token.address.toLowerCase());
    return { ...token, balance: view ? balanceFromApi(view, { decimals: token.decimals, symbol: token.symbol }) : undefined, balanceError: view ? undefined : t('home.noTokenBalance') };
  });
}

export const backgroundBackend: WalletBackend = {
  events: {
    vault: ['vault.changed', 'vault.accountsChanged'],
    network: ['chain.statusChanged', 'chain.nodesChanged'],
    networkSwitched: ['chain.networkChanged'],
    // The background reads the wallet's balances after each sync and pushes them (onBalances);
    // what is re-read on these is derived from them (what came in) or a changed token list.
    balances: ['chain.balancesChanged', 'tokens.changed'],
    transactions: ['chain.transactionChanged'],
    nodes: ['chain.nodesChanged'],
    status: ['chain.statusChanged', 'chain.nodesChanged'],
  },
  vaultState: async () => vaultStateFromApi(await background.call('vault.status')),
  // Generated here, from the platform CSPRNG, so the user can write it down before anything is
  // stored; the background validates it again when the wallet is created.
  newMnemonic: async () => (await import('../../../core/keys/mnemonic.js')).generateMnemonic(12),
  createWallet: async (wallet, password, replaceExisting) => {
    const spec = wallet.kind === 'mnemonic' ? { kind: 'mnemonic' as const, mnemonic: wallet.mnemonic } : { kind: 'private-key' as const, privateKey: wallet.privateKey };
    await background.call('vault.create', replaceExisting ? { password, wallet: spec, replaceExisting } : { password, wallet: spec });
  },
  unlock: async (password) => {
    await background.call('vault.unlock', { password });
  },
  lock: () => background.call('vault.lock'),
  touch: async () => {
    await background.call('vault.touch');
  },
  accounts: async (networkId) => accountsFromApi(await background.call('vault.accounts', { networkId })),
  addAccount: async (fromAccountId) => {
    const { accountId } = await background.call('vault.addAccount', { walletId: await phraseWallet(fromAccountId) });
    return { id: accountId };
  },
  revealMnemonic: async (accountId, password) => (await background.call('vault.revealMnemonic', { walletId: await phraseWallet(accountId), password })).mnemonic,
  revealPrivateKey: async (accountId, space, password) => (await background.call('vault.revealPrivateKey', { accountId, space, password })).privateKey,
  changePassword: async (currentPassword, newPassword) => {
    await background.call('vault.changePassword', { currentPassword, newPassword });
  },
  importIntoWallet: async (wallet) => {
    const spec = wallet.kind === 'mnemonic' ? { kind: 'mnemonic' as const, mnemonic: wallet.mnemonic } : { kind: 'private-key' as const, privateKey: wallet.privateKey };
    const { accountId } = await background.call('vault.addWallet', { wallet: spec });
    return { accountId };
  },
  archive: async () =>
    (await background.call('vault.listArchive'))
      .map((e) => ({ archiveId: e.archiveId, kind: e.reason === 'replaced-by-restore' ? ('set-aside' as const) : ('earlier-copy' as const), archivedAt: e.archivedAt, readable: e.formatVersion !== undefined }))
      .sort((a, b) => b.archivedAt - a.archivedAt),
  restoreArchived: async (archiveId, password) => {
    await background.call('vault.restoreArchived', { archiveId, password });
  },
  exportBackup: (password) => background.call('vault.exportBackup', { password }),
  restoreBackup: async (text, password) => {
    await background.call('vault.restoreBackup', { text, password });
  },
  restorePrevious: async (password) => {
    await background.call('vault.restorePrevious', { password });
  },
  autoLock: async () => {
    const setting = await background.call('vault.getAutoLock');
    return { idleMs: setting.autoLockMs, choicesMs: setting.choicesMs };
  },
  setAutoLock: async (idleMs) => {
    await background.call('vault.setAutoLock', { autoLockMs: idleMs });
  },

  networks: async () => networksFromStatus(await background.call('chain.status')),
  selectNetwork: async (id) => {
    if (id !== 'mainnet' && id !== 'testnet' && id !== 'local') throw new WayfarerError('ui.unknown_network', `unknown network ${id}`);
    await background.call('chain.setNetwork', { network: id });
  },
  balance: async (space, address) => {
    const [view] = await background.call('chain.balances', { space, addresses: [address] });
    if (!view) throw new WayfarerError('ui.no_balance', 'The wallet background returned no balance.');
    return balanceFromApi(view);
  },
  tokens: (space, address) => tokenItems(space, address, 'chain.balances'),
  lastKnownBalances: async (space, address) => {
    const [view] = await background.call('chain.lastKnownBalances', { space, addresses: [address] });
    return { balance: view ? balanceFromApi(view) : undefined, tokens: await tokenItems(space, address, 'chain.lastKnownBalances') };
  },
  onBalances: (space, address, listener) =>
    background.on('chain.balancesChanged', (change) => {
      const mine = change.balances.filter((v) => v.space === space && v.address.toLowerCase() === address.toLowerCase());
      if (mine.length > 0) listener(mine.map((view) => ({ token: view.token, checked: (unit) => balanceFromApi(view, unit) })));
    }),
  addToken: async (space, token) => {
    await moveLegacyTokenLists();
    const { added } = await background.call('tokens.add', { space, token });
    if (!added) throw new WayfarerError('ui.token_exists', 'This token is already in your list.');
  },
  tokenInfo: async (space, address) => tokenInfoFromApi(await background.call('chain.tokenInfo', { space, address })),
  removeToken: async (space, contract) => {
    await moveLegacyTokenLists();
    await background.call('tokens.remove', { space, address: contract });
  },
  prepareSend: async ({ space, accountId, asset, to, amount, nonce }) => preparedFromApi(await background.call('wallet.prepareSend', { space, accountId, to, amount: amount.toString(), ...tokenParam(asset), ...(nonce ? { nonce } : {}) })),
  prepareReplacement: async (hash, kind, accountId) => preparedFromApi(await background.call('wallet.prepareReplacement', { hash, kind, accountId })),
  resend: async (hash) => {
    const view = await background.call('chain.resendTransaction', { hash: hash as Hex });
    return txFromApi(view, view.from);
  },
  maxSendable: async ({ space, accountId, asset }) => BigInt((await background.call('wallet.maxSendable', { space, accountId, ...tokenParam(asset) })).amount),
  send: async (preparedId) => {
    const { hash } = await background.call('wallet.send', { id: preparedId });
    return { hash };
  },
  activity: async (space, address) =>
    (await background.call('chain.transactions'))
      .filter((tx) => tx.space === space && tx.from.toLowerCase() === address.toLowerCase())
      .sort((a, b) => b.submittedAt - a.submittedAt)
      .map((tx) => txFromApi(tx, address)),
  transaction: async (hash) => {
    const found = (await background.call('chain.transactions')).find((tx) => tx.hash.toLowerCase() === hash.toLowerCase());
    if (!found) throw new WayfarerError('ui.unknown_transaction', 'Wayfarer is not tracking this transaction.');
    return txFromApi(found, found.from);
  },
  received: async (space, address) => {
    await moveLegacyTokenLists();
    const tokens = (await background.call('tokens.list', { space })).map((t) => ({ address: t.address, symbol: t.symbol, decimals: t.decimals }));
    return (await background.call('chain.incoming', { space, address, tokens: tokens.slice(0, 50) })).map(receivedFromApi);
  },
  nodes: async (space) => (await background.call('chain.nodes')).filter((n) => n.space === space).map(nodeFromApi),
  addNode: async (space, url) => {
    await background.call('chain.addNode', { space, url });
  },
  removeNode: async (_space, id) => {
    await background.call('chain.removeNode', { id });
  },
  lightClient: async () => {
    const [status, bans] = await Promise.all([background.call('chain.status'), background.call('chain.bans')]);
    return lightClientFromApi(status, bans, Date.now());
  },
  syncStatus: async () => syncSummaryFromApi(await background.call('chain.status')),
  syncNow: async () => {
    await background.call('chain.sync');
  },
  privacy: async () => {
    const { privacy } = await background.call('chain.status');
    return { nodePrivacy: privacy.enabled, explanation: privacy.explanation };
  },
  setPrivacy: async ({ nodePrivacy }) => {
    await background.call('chain.setPrivacy', { enabled: nodePrivacy });
  },
};
