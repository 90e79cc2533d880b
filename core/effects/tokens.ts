/**
 * The token contracts a list of effects names, so the caller can read their symbol and decimals
 * from the chain (with their trust level) before showing amounts. Nested cross-space effects are
 * included, under the eSpace.
 * @module
 */
import type { Space } from '../space.js';
import type { Effect } from './types.js';

export interface TokenRef {
  space: Space;
  /** As the effect writes it: base32 on Core, EIP-55 on eSpace. */
  address: string;
}

/**
 * Unique token addresses of the effects, in order of first appearance.
 * @example effectTokens(describeTransaction(request)) // [{ space: 'espace', address: '0x7d68…' }]
 */
export function effectTokens(effects: readonly Effect[]): TokenRef[] {
  const out: TokenRef[] = [];
  const seen = new Set<string>();
  const add = (space: Space, address: string) => {
    const key = `${space}:${address.toLowerCase()}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ space, address });
    }
  };
  const visit = (list: readonly Effect[]) => {
    for (const effect of list) {
      switch (effect.kind) {
        case 'token_transfer':
        case 'nft_transfer':
        case 'token_approval':
        case 'approval_for_all':
          add(effect.space, effect.token);
          break;
        case 'permit':
          for (const a of effect.allowances) add(effect.space, a.token);
          break;
        case 'cross_space_call':
          visit(effect.effects);
          break;
        default:
          break;
      }
    }
  };
  visit(effects);
  return out;
}
