/**
 * Look-alike detection: is a host made to be mistaken for a site the user relies on — a
 * well-known Conflux site or one the user already trusts?
 *
 * A host is compared, label-aligned, with each reference domain R (its last n labels against R's
 * n labels), on confusable skeletons (skeleton.ts), so IDN homoglyphs are caught after punycode
 * decoding. Rules, in order:
 * - `homoglyph`: same skeleton, different host (`swаppi.io` with a Cyrillic а, `confluxhub.10`);
 * - `one_edit`: one insertion, deletion, substitution or swap apart (`swapi.io`, `swappi.co`), when
 *   R's name (without its last label) has at least {@link MIN_NAME_LENGTH} characters;
 * - `other_tld`: same name, another last label (`confluxhub.xyz`), same length condition;
 * - `contains_name`: R appears whole inside the host (`confluxhub.io.claim.app`,
 *   `confluxhub-io.app`), or — for the bundled Conflux sites only — R's name is a whole
 *   `-`/`.`-separated word of the host (`swappi-airdrop.com`), again only for names of at least
 *   {@link MIN_NAME_LENGTH} characters.
 * A host that is R or under R is R itself, never a look-alike. Short names are left out of the fuzzy
 * rules because two unrelated short names are often one edit apart.
 * @module
 */
import { isOneEdit } from './edit-distance.js';
import { skeleton } from './skeleton.js';

export const MIN_NAME_LENGTH = 5;

export type LookalikeRule = 'homoglyph' | 'one_edit' | 'other_tld' | 'contains_name';

export interface LookalikeMatch {
  rule: LookalikeRule;
  /** The reference domain the host looks like. */
  similarTo: string;
}

/** True when `host` is `domain` or a subdomain of it. */
export function isSameSite(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

const nameOf = (labels: readonly string[]) => labels.slice(0, -1).join('.');

/**
 * The first look-alike rule `unicodeHost` meets against `reference` (both lower-case Unicode
 * hostnames), or undefined.
 * @param brandWords also match the reference's name as a word of the host (bundled sites only)
 */
export function matchLookalike(unicodeHost: string, reference: string, brandWords: boolean): LookalikeMatch | undefined {
  if (isSameSite(unicodeHost, reference)) return undefined;
  const refLabels = reference.split('.');
  const hostLabels = unicodeHost.split('.');
  const refName = nameOf(refLabels);
  const refSkeleton = skeleton(reference);
  const long = refName.length >= MIN_NAME_LENGTH;
  if (hostLabels.length >= refLabels.length && refLabels.length >= 2) {
    const tail = hostLabels.slice(hostLabels.length - refLabels.length);
    const tailSkeleton = skeleton(tail.join('.'));
    if (tailSkeleton === refSkeleton) return { rule: 'homoglyph', similarTo: reference };
    // Both forms: folding can turn one edit into two (`crnflux` is one edit from `conflux`, `cmflux` two).
    if (long && (isOneEdit(tailSkeleton, refSkeleton) || isOneEdit(tail.join('.'), reference))) return { rule: 'one_edit', similarTo: reference };
    if (long && skeleton(nameOf(tail)) === skeleton(refName)) return { rule: 'other_tld', similarTo: reference };
  }
  const hostSkeleton = skeleton(unicodeHost);
  const dashed = refSkeleton.replaceAll('.', '-');
  const words = hostSkeleton.split(/[.-]/);
  const embedded = [refSkeleton, dashed].some((r) => hostSkeleton === r || hostSkeleton.startsWith(`${r}.`) || hostSkeleton.startsWith(`${r}-`)
    || hostSkeleton.includes(`.${r}.`) || hostSkeleton.includes(`-${r}.`) || hostSkeleton.includes(`.${r}-`) || hostSkeleton.includes(`-${r}-`));
  if (embedded) return { rule: 'contains_name', similarTo: reference };
  if (brandWords && long && !refName.includes('.') && words.slice(0, -1).includes(skeleton(refName))) return { rule: 'contains_name', similarTo: reference };
  return undefined;
}
