/**
 * Confusable skeletons (after UTS #39): two hostnames with the same skeleton look the same to a
 * reader, e.g. `swаppi.io` with a Cyrillic а, `swapp1.io` and `swappi.io`.
 *
 * Steps: NFKD, drop combining marks (so `swäppi` reads as `swappi`), replace each character that
 * looks like ASCII letters or digits by them (the bundled subset of Unicode's confusables table,
 * confusables-data.ts), lower-case, then fold the ASCII look-alikes of lower-case hostnames:
 * `0`→`o`, `1`→`l`, `rn`→`m`, `vv`→`w`.
 * @module
 */
import { CONFUSABLES } from './confusables-data.js';

const ASCII_FOLDS: readonly [RegExp, string][] = [[/0/g, 'o'], [/1/g, 'l'], [/rn/g, 'm'], [/vv/g, 'w']];

/**
 * The skeleton of a (Unicode) hostname or label.
 * @example skeleton('swapp1.io') === skeleton('swappi.io') // false ('l' vs 'i')
 * @example skeleton('cοnfluxhub.io') === skeleton('confluxhub.io') // true (Greek ο)
 */
export function skeleton(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD').replace(/\p{M}/gu, '')) out += CONFUSABLES.get(ch) ?? ch;
  out = out.toLowerCase();
  for (const [pattern, replacement] of ASCII_FOLDS) out = out.replace(pattern, replacement);
  return out;
}
