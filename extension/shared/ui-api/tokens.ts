/**
 * UI methods of the token list (extension/background/tokens), kept by the background per network
 * and space. Every page reads the same list; `tokens.changed` announces edits.
 * @module
 */
import { NETWORK_KEYS } from '../../../core/rpc/pool/endpoint.js';
import { SPACES, type Space } from '../../../core/space.js';
import { array, json, number, object, oneOf, string } from '../schema.js';
import { uiMethod } from './define.js';

export interface TokenView {
  /** Contract address in the space's form. */
  address: string;
  symbol: string;
  name: string;
  decimals: number;
}

const space = oneOf(SPACES);
const address = string({ min: 1, max: 128 });
const token = object({ address, symbol: string({ min: 1, max: 64 }), name: string({ min: 1, max: 64 }), decimals: number({ integer: true, min: 0, max: 36 }) });

export const tokenMethods = {
  /** The list of `space` on the active network, in the order added. */
  'tokens.list': uiMethod<TokenView[]>()(object({ space })),
  /** Adds a token to the active network's list; `added` is false when it was there already. */
  'tokens.add': uiMethod<{ added: boolean }>()(object({ space, token })),
  'tokens.remove': uiMethod<void>()(object({ space, address })),
  /**
   * Moves a list an earlier version kept in the page's storage, as stored (the background keeps
   * the entries that read as tokens); `moved` is false for another network's list (kept for later).
   */
  'tokens.import': uiMethod<{ moved: boolean }>()(object({ network: oneOf(NETWORK_KEYS), space, tokens: array(json({ maxBytes: 2048 }), { max: 200 }) })),
} as const;

declare module './events.js' {
  interface UiEvents {
    'tokens.changed': { space: Space };
  }
}
