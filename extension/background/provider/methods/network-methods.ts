/**
 * Network and asset suggestions: switch chain (EIP-3326 shape), add chain (EIP-3085 shape, Fluent's
 * `wallet_addConfluxChain` for Core) and watch asset (EIP-747, Fluent's CRC20/ERC20 object).
 *
 * Each one changes what the wallet shows the user, so each asks; switching to the chain already
 * active answers null at once, an unknown chain id is 4902. Adding only works for networks the
 * wallet knows how to verify (each already has the wallet's own nodes): it adds the suggested nodes
 * (shown to the user first, with what they could influence; https only) to that network and
 * switches to it. Every node one site suggested counts as ONE operator named after the site, is
 * never a trusted source for a cross-check and can never get the user's own nodes banned (see
 * core/trust/cross-check.ts). A node on this computer or the local network is refused outright:
 * it would make the wallet send requests to local services on the page's behalf; only the user may
 * add those, in Settings. The suggested chain name is not used: the wallet's own name for the
 * network is shown, so a page cannot label a network misleadingly.
 * @module
 */
import { decodeCfxAddress, encodeCfxAddress } from '../../../../core/address/cip37.js';
import { parseEspaceAddress, toChecksumAddress } from '../../../../core/address/eip55.js';
import type { Hex } from '../../../../core/encoding/hex.js';
import type { Space } from '../../../../core/space.js';
import { array, number, object, oneOf, optional, SchemaError, string, type Schema } from '../../../shared/schema.js';
import { isLocalOrPrivateHost } from '../../../../core/rpc/pool/domain.js';
import { invalidParams, unrecognizedChain } from '../errors.js';
import { tuple, uint } from './params.js';
import { answer, ask, method, type MethodSpec } from './types.js';

const MAX_CHAIN_ID = 0xffff_ffff;

function chainIdNumber(path: string, value: Hex): number {
  const n = BigInt(value);
  if (n < 1n || n > BigInt(MAX_CHAIN_ID)) throw new SchemaError(path, 'chainId out of range');
  return Number(n);
}

function httpUrl(): Schema<string> {
  const text = string({ max: 2048 });
  return {
    parse(value, path = '') {
      const s = text.parse(value, path);
      let url: URL;
      try {
        url = new URL(s);
      } catch {
        throw new SchemaError(path, 'not a URL');
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SchemaError(path, 'expected an http(s) URL');
      if (url.username || url.password) throw new SchemaError(path, 'URLs with credentials are not accepted');
      return url.href;
    },
  };
}

const switchParams = tuple(object({ chainId: uint() }));

const addParams = tuple(
  object(
    {
      chainId: uint(),
      chainName: string({ min: 1, max: 100 }),
      nativeCurrency: object({ name: string({ min: 1, max: 50 }), symbol: string({ min: 1, max: 12 }), decimals: number({ integer: true, min: 18, max: 18 }) }),
      rpcUrls: array(httpUrl(), { min: 1, max: 5 }),
      blockExplorerUrls: optional(array(httpUrl(), { max: 5 })),
      iconUrls: optional(array(string({ max: 2048 }), { max: 5 })),
    },
  ),
);

const assetOptions = object({
  address: string({ min: 42, max: 120 }),
  symbol: string({ min: 1, max: 11 }),
  decimals: number({ integer: true, min: 0, max: 255 }),
  image: optional(string({ max: 100_000 })),
});
const assetObject = object({ type: oneOf(['CRC20', 'ERC20']), options: assetOptions });
/** Fluent takes the object itself; MetaMask-style callers may wrap it in an array. */
const watchParams: Schema<{ type: 'CRC20' | 'ERC20'; options: { address: string; symbol: string; decimals: number; image?: string } }> = {
  parse(value, path = '') {
    return assetObject.parse(Array.isArray(value) && value.length === 1 ? value[0] : value, path);
  },
};

export function networkMethods(space: Space): Record<string, MethodSpec> {
  const switchName = space === 'core' ? 'wallet_switchConfluxChain' : 'wallet_switchEthereumChain';
  const addName = space === 'core' ? 'wallet_addConfluxChain' : 'wallet_addEthereumChain';
  return {
    [switchName]: method(switchParams, async (ctx, [{ chainId: hexId }]) => {
      const chainId = chainIdNumber('params[0].chainId', hexId);
      const active = await ctx.chain.activeNetwork(space);
      if (active.chainId === chainId) return answer(null);
      const target = await ctx.chain.findNetwork(space, chainId);
      if (!target) throw unrecognizedChain(hexId);
      return ask({ kind: 'switch_chain', chainId, networkName: target.name });
    }),
    [addName]: method(addParams, async (ctx, [params]) => {
      const chainId = chainIdNumber('params[0].chainId', params.chainId);
      const known = await ctx.chain.findNetwork(space, chainId);
      if (!known) throw invalidParams(`Wayfarer only uses networks it can verify (Conflux mainnet, testnet and a local dev node); chain ${chainId} is not one of them`);
      const newUrls = params.rpcUrls.filter((url) => !known.rpcUrls.includes(url));
      const local = newUrls.find((url) => isLocalOrPrivateHost(new URL(url).hostname));
      if (local !== undefined) throw invalidParams(`A site may not add a node on this computer or your local network (${new URL(local).host}); add it yourself in Wayfarer's settings`);
      const plain = newUrls.find((url) => new URL(url).protocol !== 'https:');
      if (plain !== undefined) throw invalidParams(`Suggested nodes must use https (${new URL(plain).host})`);
      if (newUrls.length === 0) {
        const active = await ctx.chain.activeNetwork(space);
        return active.chainId === chainId ? answer(null) : ask({ kind: 'switch_chain', chainId, networkName: known.name });
      }
      return ask({
        kind: 'add_chain',
        network: {
          chainId,
          name: known.name,
          currencyName: params.nativeCurrency.name,
          currencySymbol: params.nativeCurrency.symbol,
          rpcUrls: newUrls,
          ...(params.blockExplorerUrls?.[0] !== undefined ? { blockExplorerUrl: params.blockExplorerUrls[0] } : {}),
        },
      });
    }),
    wallet_watchAsset: method(watchParams, async (ctx, params) => {
      const { chainId } = await ctx.chain.activeNetwork(space);
      if (space === 'core' && params.type !== 'CRC20') throw invalidParams('Core tokens are CRC20');
      if (space === 'espace' && params.type !== 'ERC20') throw invalidParams('eSpace tokens are ERC20');
      let address: string;
      if (space === 'core') {
        let decoded;
        try {
          decoded = decodeCfxAddress(params.options.address);
        } catch {
          throw invalidParams('options.address is not a valid Conflux address');
        }
        if (decoded.networkId !== chainId) throw invalidParams(`options.address is on network ${decoded.networkId}, not the active network ${chainId}`);
        if (decoded.type !== 'contract') throw invalidParams('options.address is not a contract address');
        address = encodeCfxAddress(decoded.hex, chainId);
      } else {
        try {
          address = toChecksumAddress(parseEspaceAddress(params.options.address));
        } catch {
          throw invalidParams('options.address is not a valid address (checksum is checked for mixed case)');
        }
      }
      const image = params.options.image;
      const safeImage = image !== undefined && (/^https:\/\//.test(image) || /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/.test(image)) ? image : undefined;
      return ask({
        kind: 'watch_asset',
        chainId,
        asset: { address, symbol: params.options.symbol, decimals: params.options.decimals, ...(safeImage !== undefined ? { image: safeImage } : {}) },
      });
    }),
  };
}
