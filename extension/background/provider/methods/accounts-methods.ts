/**
 * Connection methods: provider state, accounts, and EIP-2255 permissions.
 *
 * `*_requestAccounts` answers at once when the site is connected and the wallet unlocked; asks the
 * user to unlock when connected but locked; and asks the user to connect otherwise.
 * `wallet_requestPermissions` always asks (it is how a dApp lets the user pick another account).
 * `wallet_revokePermissions` needs no approval: giving up access is always allowed.
 * @module
 */
import type { Space } from '../../../../core/space.js';
import { ProviderErrorCode } from '../../../shared/provider-errors.js';
import { SchemaError, json, record, string, type Schema } from '../../../shared/schema.js';
import { formatAddress, visibleAddresses } from '../accounts.js';
import { ProviderRpcError } from '../errors.js';
import { CAPABILITY, type AccountsGrant } from '../permissions.js';
import { ignoredParams, noParams, tuple } from './params.js';
import { answer, ask, method, type MethodContext, type MethodSpec } from './types.js';

/** Permission names dApps request. The accounts ones grant account access; the rest are accepted and carry nothing extra. */
const ACCOUNT_PERMISSIONS = ['cfx_accounts', 'eth_accounts', 'wallet_accounts'];
const NEUTRAL_PERMISSIONS = ['wallet_basic', 'wallet_crossNetworkTypeGetConfluxBase32Address', 'wallet_crossNetworkTypeGetEthereumHexAddress'];

/** `[{ <permission>: {} , … }]`: a single object naming permissions; at least one accounts permission. */
function permissionRequest(requireAccounts: boolean): Schema<string[]> {
  const inner = tuple(record(string({ max: 100 }), json({ maxBytes: 1024 }), { max: 10 }));
  return {
    parse(value, path = '') {
      const [names] = inner.parse(value, path);
      const keys = Object.keys(names);
      for (const key of keys) {
        if (!ACCOUNT_PERMISSIONS.includes(key) && !NEUTRAL_PERMISSIONS.includes(key)) throw new SchemaError(`${path}[0]`, `unknown permission ${JSON.stringify(key.slice(0, 60))}`);
      }
      if (requireAccounts && !keys.some((k) => ACCOUNT_PERMISSIONS.includes(k))) throw new SchemaError(`${path}[0]`, `expected ${ACCOUNT_PERMISSIONS.join(' or ')}`);
      return keys;
    },
  };
}

/** The EIP-2255 permission objects for a grant. */
export function permissionObjects(origin: string, space: Space, grant: AccountsGrant | undefined, chainId: number): object[] {
  if (!grant) return [];
  return [
    {
      id: grant.id,
      invoker: origin,
      parentCapability: CAPABILITY[space],
      date: grant.date,
      caveats: [{ type: 'restrictReturnedAccounts', value: grant.accounts.map((a) => formatAddress(space, a, chainId)) }],
    },
  ];
}

async function providerState(ctx: MethodContext): Promise<object> {
  const { chainId } = await ctx.chain.activeNetwork(ctx.space);
  return { chainId: `0x${chainId.toString(16)}`, networkVersion: String(chainId), accounts: await visibleAddresses(ctx) };
}

async function requestAccounts(ctx: MethodContext) {
  const grant = await ctx.permissions.get(ctx.requester.origin, ctx.space);
  if (!grant) return ask({ kind: 'connect', returns: 'accounts' });
  if (!(await ctx.keyring.isUnlocked())) return ask({ kind: 'unlock' });
  const visible = await visibleAddresses(ctx);
  // Every granted account was removed from the wallet: connect again.
  return visible.length > 0 ? answer(visible) : ask({ kind: 'connect', returns: 'accounts' });
}

export function accountMethods(space: Space): Record<string, MethodSpec> {
  const prefix = space === 'core' ? 'cfx' : 'eth';
  const accounts = method(ignoredParams(), async (ctx) => answer(await visibleAddresses(ctx)));
  const request = method(noParams(), requestAccounts);
  const chainId = method(noParams(), async (ctx) => answer(`0x${(await ctx.chain.activeNetwork(ctx.space)).chainId.toString(16)}`));
  return {
    wayfarer_getProviderState: method(noParams(), async (ctx) => answer(await providerState(ctx))),
    [`${prefix}_accounts`]: accounts,
    [`${prefix}_requestAccounts`]: request,
    [space === 'core' ? 'cfx_chainId' : 'eth_chainId']: chainId,
    // Fluent's space-neutral names (its own provider's enable() uses wallet_requestAccounts).
    wallet_accounts: accounts,
    wallet_requestAccounts: request,
    wallet_chainId: chainId,
    [space === 'core' ? 'cfx_netVersion' : 'net_version']: method(noParams(), async (ctx) => answer(String((await ctx.chain.activeNetwork(ctx.space)).chainId))),
    wallet_getPermissions: method(noParams(), async (ctx) => {
      const grant = await ctx.permissions.get(ctx.requester.origin, ctx.space);
      const { chainId } = await ctx.chain.activeNetwork(ctx.space);
      // Like eth_accounts: locked, no addresses; unlocked, only accounts still shown in the wallet.
      const visible = (await ctx.keyring.isUnlocked()) ? new Set((await ctx.keyring.listAccounts()).map((a) => a.id)) : new Set<string>();
      return answer(permissionObjects(ctx.requester.origin, ctx.space, grant && { ...grant, accounts: grant.accounts.filter((a) => visible.has(a.id)) }, chainId));
    }),
    wallet_requestPermissions: method(permissionRequest(true), async () => ask({ kind: 'connect', returns: 'permissions' })),
    wallet_revokePermissions: method(permissionRequest(false), async (ctx, names) => {
      if (names.some((n) => ACCOUNT_PERMISSIONS.includes(n))) await ctx.permissions.revoke(ctx.requester.origin, ctx.space);
      return answer(null);
    }),
  };
}

/** Methods no provider offers, with the reason the dApp should read. */
export const REFUSED_METHODS: Readonly<Record<string, string>> = {
  eth_sign: 'eth_sign signs an opaque hash that could be a transaction; use personal_sign or eth_signTypedData_v4',
  cfx_sign: 'cfx_sign signs an opaque hash; use personal_sign or cfx_signTypedData_v4',
  eth_signTypedData: 'only eth_signTypedData_v4 is supported',
  eth_signTypedData_v1: 'only eth_signTypedData_v4 is supported',
  eth_signTypedData_v3: 'only eth_signTypedData_v4 is supported',
  cfx_signTypedData: 'only cfx_signTypedData_v4 is supported',
  eth_signTransaction: 'Wayfarer signs transactions only to send them (eth_sendTransaction), so nothing signed can be replayed later',
  cfx_signTransaction: 'Wayfarer signs transactions only to send them (cfx_sendTransaction), so nothing signed can be replayed later',
  eth_subscribe: 'subscriptions are not available through the wallet; poll instead',
  cfx_subscribe: 'subscriptions are not available through the wallet; poll instead',
  eth_newFilter: 'filters live on one node and cannot work across the wallet\'s node pool; use eth_getLogs',
  eth_newBlockFilter: 'filters live on one node and cannot work across the wallet\'s node pool; poll eth_blockNumber',
  eth_newPendingTransactionFilter: 'filters are not available through the wallet',
  eth_getFilterChanges: 'filters are not available through the wallet',
  eth_getFilterLogs: 'filters are not available through the wallet',
  eth_uninstallFilter: 'filters are not available through the wallet',
};

export const unsupported = (method: string, reason: string): ProviderRpcError =>
  new ProviderRpcError(ProviderErrorCode.unsupportedMethod, `Wayfarer does not support ${method}: ${reason}`);
