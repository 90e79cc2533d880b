/**
 * The tokens the user chose to see, per network and space, in this page's storage. Only the list
 * lives here; balances always come from the background, cross-checked.
 */
import type { TokenSpec } from '../api/backend.js';

const PREFIX = 'wayfarer.tokens.';

function key(network: string, space: string): string {
  return `${PREFIX}${network}.${space}`;
}

function isTokenSpec(value: unknown): value is TokenSpec {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.address === 'string' && typeof v.symbol === 'string' && typeof v.name === 'string' && typeof v.decimals === 'number' && Number.isInteger(v.decimals) && v.decimals >= 0 && v.decimals <= 36;
}

export function readTokens(network: string, space: string): TokenSpec[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(network, space)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isTokenSpec) : [];
  } catch {
    return [];
  }
}

export function writeTokens(network: string, space: string, tokens: readonly TokenSpec[]): void {
  localStorage.setItem(key(network, space), JSON.stringify(tokens));
}
