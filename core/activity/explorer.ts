/**
 * Block-explorer links: ConfluxScan for Core and eSpace on mainnet and testnet, none for dev
 * chains. A link only — the wallet never fetches anything from an explorer.
 *
 * Sources: Conflux documentation (`docs/core/core-endpoints.md`, `docs/espace/network-endpoints.md`:
 * confluxscan.org, testnet.confluxscan.org, evm.confluxscan.org, evmtestnet.confluxscan.org) and
 * Fluent (Conflux-Chain/helios `packages/consts/index.js` for the hosts,
 * `packages/rpcs/wallet_getBlockchainExplorerUrl/index.js` for the paths `/tx/<hash>`,
 * `/address/<address>`, `/token/<address>`).
 *
 * Threat model: the hash or address goes into a URL the user opens; each is validated (32-byte hash;
 * base32 of the network on Core, hex on eSpace) and written in canonical form, so no other text can
 * be smuggled into the link.
 * @module
 */
import { decodeCfxAddressToBytes, encodeCfxAddress } from '../address/cip37.js';
import { parseEspaceAddress, toChecksumAddress } from '../address/eip55.js';
import { NETWORKS, type NetworkKey } from '../rpc/pool/endpoint.js';
import { isSpace, type Space } from '../space.js';
import { ActivityError } from './errors.js';

export const EXPLORERS: Readonly<Record<NetworkKey, Readonly<Record<Space, string>> | null>> = {
  mainnet: { core: 'https://confluxscan.org', espace: 'https://evm.confluxscan.org' },
  testnet: { core: 'https://testnet.confluxscan.org', espace: 'https://evmtestnet.confluxscan.org' },
  local: null,
};

function base(network: NetworkKey, space: Space): string | null {
  if (!Object.hasOwn(EXPLORERS, network)) throw new ActivityError('activity.input', 'network: expected mainnet, testnet or local', { details: 'network' });
  if (!isSpace(space)) throw new ActivityError('activity.input', 'space: expected core or espace', { details: 'space' });
  return EXPLORERS[network]?.[space] ?? null;
}

/** The explorer page of a transaction, or null on a network without an explorer. */
export function explorerTransactionUrl(network: NetworkKey, space: Space, hash: string): string | null {
  const root = base(network, space);
  if (typeof hash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(hash)) throw new ActivityError('activity.input', 'hash: expected a 32-byte 0x hash', { details: 'hash' });
  return root === null ? null : `${root}/tx/${hash.toLowerCase()}`;
}

function canonical(network: NetworkKey, space: Space, address: string): string {
  try {
    if (space === 'espace') return toChecksumAddress(parseEspaceAddress(address));
    const decoded = decodeCfxAddressToBytes(address);
    if (decoded.networkId !== NETWORKS[network].coreChainId) throw new Error('network');
    return encodeCfxAddress(decoded.bytes, decoded.networkId);
  } catch (cause) {
    throw new ActivityError('activity.input', `address: not a ${space} address of ${network}`, { cause, details: 'address' });
  }
}

/** The explorer page of an account or contract, or null. */
export function explorerAddressUrl(network: NetworkKey, space: Space, address: string): string | null {
  const root = base(network, space);
  const text = canonical(network, space, address);
  return root === null ? null : `${root}/address/${text}`;
}

/** The explorer page of a token contract, or null. */
export function explorerTokenUrl(network: NetworkKey, space: Space, address: string): string | null {
  const root = base(network, space);
  const text = canonical(network, space, address);
  return root === null ? null : `${root}/token/${text}`;
}
