/**
 * Symbol and decimals of the tokens a request's effects name, read from the chain by the background
 * (`chain.tokenInfo`: cross-checked or single-source, with the epoch) — never taken from the site.
 */
import { useEffect, useState } from 'react';
import type { JsonEffect } from '../../../core/effects/json.js';
import { effectTokens } from '../../../core/effects/tokens.js';
import type { Effect } from '../../../core/effects/types.js';
import { tokenInfoFromApi } from '../api/adapters/chain.js';
import { background } from '../api/client.js';
import type { TokenMetas } from '../components/Effects.js';

/** Token metadata for the effects; entries appear as they are read. */
export function useTokenMeta(effects: readonly JsonEffect[] | undefined): TokenMetas {
  // effectTokens reads only kinds and addresses, which JSON keeps as they are.
  const refs = effects === undefined ? [] : effectTokens(effects as unknown as Effect[]);
  const key = refs.map((r) => `${r.space}:${r.address.toLowerCase()}`).join(',');
  const [metas, setMetas] = useState<TokenMetas>(new Map());
  useEffect(() => {
    let live = true;
    for (const ref of refs) {
      background.call('chain.tokenInfo', { space: ref.space, address: ref.address }).then(
        (view) => {
          if (!live) return;
          const info = tokenInfoFromApi(view);
          setMetas((old) => new Map(old).set(ref.address.toLowerCase(), { symbol: info.symbol, decimals: info.decimals }));
        },
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [key]); // `refs` is derived from `key` alone: a new array with the same tokens reads nothing again
  return metas;
}
