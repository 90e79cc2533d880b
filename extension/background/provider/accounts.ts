/**
 * Which accounts an origin may see and use, in the form its space shows them.
 *
 * An origin sees accounts only while (a) it holds a grant for the space and (b) the wallet is
 * unlocked — locked, every site sees `[]`, as with Fluent and MetaMask. Signing requests name their
 * account by address (`from`); it must be one of the granted accounts, checked against the stored
 * grant so it works while locked (the unlock then happens on the approval page). A Core base32
 * address must be on the active network: the same key has a different base32 address per network.
 * @module
 */
import { decodeCfxAddress, encodeCfxAddress } from '../../../core/address/cip37.js';
import type { Space } from '../../../core/space.js';
import type { ApprovalAccount } from '../../shared/provider-approvals.js';
import { invalidParams, unauthorized } from './errors.js';
import type { ExposedAccount, PermissionStore } from './permissions.js';
import type { Requester } from './requester.js';
import type { ProviderChain, ProviderKeyring } from './wallet-services.js';

export interface AccountContext {
  requester: Requester;
  space: Space;
  keyring: ProviderKeyring;
  chain: ProviderChain;
  permissions: PermissionStore;
}

export function formatAddress(space: Space, account: Pick<ExposedAccount, 'coreHex' | 'espaceAddress'>, chainId: number): string {
  return space === 'core' ? encodeCfxAddress(account.coreHex, chainId) : account.espaceAddress;
}

/** The addresses the origin may see now (`[]` when not connected or locked). */
export async function visibleAddresses(ctx: AccountContext): Promise<string[]> {
  const grant = await ctx.permissions.get(ctx.requester.origin, ctx.space);
  if (!grant || !(await ctx.keyring.isUnlocked())) return [];
  const existing = new Set((await ctx.keyring.listAccounts()).map((a) => a.id));
  const { chainId } = await ctx.chain.activeNetwork(ctx.space);
  return grant.accounts.filter((a) => existing.has(a.id)).map((a) => formatAddress(ctx.space, a, chainId));
}

/** The granted account a signing request names as `from`; 4100 when it is not one. */
export async function grantedAccount(ctx: AccountContext, from: string): Promise<ApprovalAccount> {
  const grant = await ctx.permissions.get(ctx.requester.origin, ctx.space);
  if (!grant) throw unauthorized();
  const { chainId } = await ctx.chain.activeNetwork(ctx.space);
  let match: ExposedAccount | undefined;
  if (ctx.space === 'core') {
    let hex: string;
    if (/^0x[0-9a-fA-F]{40}$/.test(from)) {
      hex = from.toLowerCase();
    } else {
      let decoded;
      try {
        decoded = decodeCfxAddress(from);
      } catch {
        throw invalidParams(`"${from.slice(0, 60)}" is not a valid Conflux address`);
      }
      if (decoded.networkId !== chainId) throw invalidParams(`${from.slice(0, 60)} is an address on network ${decoded.networkId}, but the active network is ${chainId}`);
      hex = decoded.hex;
    }
    match = grant.accounts.find((a) => a.coreHex === hex);
  } else {
    match = grant.accounts.find((a) => a.espaceAddress.toLowerCase() === from.toLowerCase());
  }
  if (!match) throw unauthorized('The requested account is not connected to this site');
  // Unlocked, a removed or hidden account cannot be asked to sign (its grant is also dropped on
  // the next wallet change; locked, the executor checks again after the unlock).
  if ((await ctx.keyring.isUnlocked()) && !(await ctx.keyring.listAccounts()).some((a) => a.id === match.id)) throw unauthorized('The requested account is not connected to this site');
  return { accountId: match.id, address: formatAddress(ctx.space, match, chainId) };
}
