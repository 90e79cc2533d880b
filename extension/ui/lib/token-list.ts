/**
 * Earlier versions kept the token list in the wallet pages' own storage; the background keeps it
 * now (extension/background/tokens). This moves such a list over once, on the first use of the
 * list in a page: each network's list is handed to the background, which checks every entry, and
 * removed here only once the background has it (another network's list stays until that network
 * is active). Nothing is lost when the background cannot take it yet: the next page tries again.
 */
import { NETWORK_KEYS } from '../../../core/rpc/pool/endpoint.js';
import { SPACES } from '../../../core/space.js';
import { background } from '../api/client.js';

const PREFIX = 'wayfarer.tokens.';

let moving: Promise<void> | undefined;

async function moveAll(): Promise<void> {
  for (const network of NETWORK_KEYS) {
    for (const space of SPACES) {
      const key = `${PREFIX}${network}.${space}`;
      let stored: string | null;
      try {
        stored = localStorage.getItem(key);
      } catch {
        return; // storage unavailable: nothing to move
      }
      if (stored === null) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(stored);
      } catch {
        parsed = [];
      }
      const tokens: unknown[] = Array.isArray(parsed) ? parsed.slice(0, 200) : [];
      const { moved } = await background.call('tokens.import', { network, space, tokens });
      if (moved) localStorage.removeItem(key);
    }
  }
}

/** Moves any list an earlier version left in this page's storage to the background (once per page). */
export function moveLegacyTokenLists(): Promise<void> {
  moving ??= moveAll().catch(() => {
    moving = undefined; // tried again on the next use
  });
  return moving;
}
