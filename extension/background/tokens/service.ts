/**
 * The tokens the user chose to see, per network and space, kept by the background in
 * `chrome.storage.local` (one key per network and space). Every wallet page reads the same list;
 * `tokens.changed` announces edits. Only the list lives here: balances come from the chain
 * service with their trust labels.
 *
 * Threat model: pages are the wallet's own (the router admits nothing else); a site reaches the
 * list only through a `wallet_watchAsset` the user approved, and then the contract's own symbol,
 * name and decimals are saved (read through the node pool), never the site's claim — a site cannot
 * make a balance look 1,000 times larger by claiming other decimals. Addresses must belong to the
 * active network's space. Stored entries that do not read as a token are dropped on read, never
 * trusted. Edits are serialized so two pages editing at once cannot lose each other's change.
 * @module
 */
import { formatAddress, readAddress } from '../../../core/effects/address-form.js';
import { InvalidInputError } from '../../../core/errors.js';
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import type { Space } from '../../../core/space.js';
import type { TokenView } from '../../shared/ui-api/tokens.js';
import { DISGUISING, MAX_TOKEN_TEXT } from '../chain/token-abi.js';
import type { KeyValueArea } from '../storage-area.js';

/** A token in the list; the contract address is in the space's form (base32 on Core, EIP-55 on eSpace). */
export type WatchedToken = TokenView;

/** What the list needs of the chain service (structural: see extension/background/chain). */
export interface TokenChain {
  status(): { network: NetworkKey; chainIds: { core: number; espace: number } };
  tokenInfo(space: Space, address: string): Promise<{ symbol: TokenField<string>; name: TokenField<string>; decimals: TokenField<number> }>;
}

/** One of the contract's answers: null when it gave none, or the nodes did not agree on it. */
interface TokenField<T> {
  value: T | null;
  trust: unknown;
}

function answered<T>(field: TokenField<T> | undefined): T | undefined {
  return field === undefined || field.value === null || field.trust === null ? undefined : field.value;
}

const MAX_TOKENS = 200;

export function tokensKey(network: string, space: Space): string {
  return `tokens.${network}.${space}`;
}

function isToken(value: unknown): value is WatchedToken {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['address'] === 'string' && typeof v['symbol'] === 'string' && typeof v['name'] === 'string' && typeof v['decimals'] === 'number' && Number.isInteger(v['decimals']) && v['decimals'] >= 0 && v['decimals'] <= 36;
}

/**
 * `token` as the list keeps it: the address in its space's form for the active network, texts
 * trimmed and cut to length; a typed error for an address of another network or space, a text
 * that is empty or holds disguising characters, or decimals outside 0–36.
 */
function normalized(space: Space, token: WatchedToken, chainIds: { core: number; espace: number }): WatchedToken {
  let address: string;
  try {
    address = formatAddress(readAddress(token.address, space, chainIds.core, 'address'), space, chainIds.core);
  } catch (cause) {
    throw new InvalidInputError(`not a ${space === 'core' ? 'Core' : 'eSpace'} address of the active network: ${String(token.address).slice(0, 64)}`, { cause });
  }
  const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, MAX_TOKEN_TEXT) : '');
  const kept = { address, symbol: text(token.symbol), name: text(token.name), decimals: token.decimals };
  if (!isToken(kept) || [kept.symbol, kept.name].some((t) => t === '' || DISGUISING.test(t))) throw new InvalidInputError('a token needs a symbol and a name in plain text and 0 to 36 decimals');
  return kept;
}

export class TokenListService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: { area: KeyValueArea; chain: () => Promise<TokenChain>; changed(space: Space): void }) {}

  /** The list of `space` on the active network. */
  async list(space: Space): Promise<WatchedToken[]> {
    const { network } = (await this.deps.chain()).status();
    return this.read(network, space);
  }

  /** Adds a token to the active network's list; false when it was there already. */
  async add(space: Space, token: WatchedToken): Promise<boolean> {
    const { network, chainIds } = (await this.deps.chain()).status();
    return this.edit(network, space, [normalized(space, token, chainIds)]);
  }

  async remove(space: Space, address: string): Promise<void> {
    const { network } = (await this.deps.chain()).status();
    await this.change(network, space, (list) => list.filter((t) => t.address.toLowerCase() !== address.toLowerCase()));
  }

  /**
   * Adds a token a site suggested and the user approved, with the contract's own symbol, name and
   * decimals (the site's claim only where the contract does not say). Refused when the active
   * network is no longer the one the suggestion was made for.
   */
  async watch(space: Space, chainId: number, suggested: { address: string; symbol: string; decimals: number }): Promise<void> {
    const chain = await this.deps.chain();
    const { network, chainIds } = chain.status();
    if (chainIds[space] !== chainId) throw new InvalidInputError(`the active network changed since this token was suggested (chain ${chainIds[space]}, not ${chainId})`);
    const info = await chain.tokenInfo(space, suggested.address).catch(() => undefined);
    const symbol = answered(info?.symbol) || suggested.symbol;
    await this.edit(network, space, [normalized(space, { address: suggested.address, symbol, name: answered(info?.name) || symbol, decimals: answered(info?.decimals) ?? suggested.decimals }, chainIds)]);
  }

  /**
   * Merges a list an earlier version kept in the wallet pages' own storage. Only the active
   * network's addresses can be checked: false (nothing done) for another network's list, which the
   * page keeps until that network is active.
   */
  async import(network: NetworkKey, space: Space, tokens: readonly unknown[]): Promise<boolean> {
    const { network: active, chainIds } = (await this.deps.chain()).status();
    if (active !== network) return false;
    // An entry that no longer reads as a token of this network is dropped.
    const valid = tokens.filter(isToken).flatMap((t) => {
      try {
        return [normalized(space, t, chainIds)];
      } catch {
        return [];
      }
    });
    await this.edit(network, space, valid);
    return true;
  }

  private async read(network: string, space: Space): Promise<WatchedToken[]> {
    const stored = await this.deps.area.get(tokensKey(network, space));
    return Array.isArray(stored) ? stored.filter(isToken) : [];
  }

  /** Appends `tokens` (normalized) that are not in the list yet; true when any was. */
  private edit(network: NetworkKey, space: Space, tokens: readonly WatchedToken[]): Promise<boolean> {
    let changed = false;
    return this.change(network, space, (list) => {
      const next = [...list];
      for (const t of tokens) {
        if (next.some((k) => k.address.toLowerCase() === t.address.toLowerCase())) continue;
        if (next.length >= MAX_TOKENS) throw new InvalidInputError(`the list holds at most ${MAX_TOKENS} tokens`);
        next.push(t);
        changed = true;
      }
      return next;
    }).then(() => changed);
  }

  private change(network: string, space: Space, edit: (list: WatchedToken[]) => WatchedToken[]): Promise<void> {
    const run = this.queue.then(async () => {
      const before = await this.read(network, space);
      const next = edit(before);
      if (next.length === before.length && next.every((t, i) => t === before[i])) return;
      await this.deps.area.set(tokensKey(network, space), next);
      this.deps.changed(space);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
