/**
 * How far a value shown on screen was verified, in words a non-expert understands. Every number
 * the wallet shows carries one of these (see components/TrustBadge.tsx).
 *
 *  - verified: proved against the chain's finalized history, starting from a checkpoint shipped
 *    with Wayfarer. No node had to be trusted.
 *  - cross-checked: cannot be proved over the nodes' interface, but independent nodes agree.
 *  - single-source: one node's word.
 *  - conflict: nodes disagree; the wallet does not pick a winner.
 *  - unknown: not checked yet (e.g. a value remembered from last time, still being refreshed).
 */
import { t } from '../i18n/i18n.js';
import { formatNumber } from '../i18n/format.js';

export type TrustLevel = 'verified' | 'cross-checked' | 'single-source' | 'conflict' | 'unknown';

export interface Trust {
  level: TrustLevel;
  /** How many nodes were asked, and how many gave this answer (cross-checks). */
  sources?: number;
  agreeing?: number;
  /** The verified epoch the value is read at, when known. */
  epoch?: number;
  /** Extra, already plain-language detail from the background (e.g. which check failed). */
  detail?: string;
  /** What each node answered (cross-checked values), for "which node said what". */
  answers?: readonly NodeAnswer[];
  /** For a value proved through a proof gateway: what it was proved against. */
  proof?: StateProof;
  /** A proof was tried, and the value is the nodes' word instead: why. */
  fallback?: { reason: 'banned' | 'unavailable'; gateways: readonly string[] };
}

/** A state proof's anchor: the proof's epoch, the header committing its state root, the finalized pivot. */
export interface StateProof {
  gateway: string;
  epoch: number;
  stateRoot: string;
  witness: { height: number; hash: string };
  finalized: { height: number; hash: string };
}

/** The sentence saying why a value that could be proved is the nodes' word instead. */
export function fallbackText(fallback: NonNullable<Trust['fallback']>): string {
  const gateways = fallback.gateways.join(', ');
  return fallback.reason === 'banned' ? t('trust.proof.fallbackBanned', { gateways }) : t('trust.proof.fallbackUnavailable', { gateways });
}

export interface NodeAnswer {
  node: string;
  operator: string;
  answer?: string | undefined;
  problem?: string | undefined;
}

export interface TrustText {
  label: string;
  /** One sentence: what this means for the user. */
  meaning: string;
  /** What the user can do about it, if anything. */
  advice?: string;
}

/** The words for each level, in the language shown (read when used, so a language switch applies). */
export const TRUST_TEXT: Readonly<Record<TrustLevel, TrustText>> = {
  verified: {
    get label() {
      return t('trust.verified.label');
    },
    get meaning() {
      return t('trust.verified.meaning');
    },
  },
  'cross-checked': {
    get label() {
      return t('trust.crossChecked.label');
    },
    get meaning() {
      return t('trust.crossChecked.meaning');
    },
    get advice() {
      return t('trust.crossChecked.advice');
    },
  },
  'single-source': {
    get label() {
      return t('trust.singleSource.label');
    },
    get meaning() {
      return t('trust.singleSource.meaning');
    },
    get advice() {
      return t('trust.singleSource.advice');
    },
  },
  conflict: {
    get label() {
      return t('trust.conflict.label');
    },
    get meaning() {
      return t('trust.conflict.meaning');
    },
    get advice() {
      return t('trust.conflict.advice');
    },
  },
  unknown: {
    get label() {
      return t('trust.unknown.label');
    },
    get meaning() {
      return t('trust.unknown.meaning');
    },
  },
};

/** How many nodes answered and agreed, in plain words ("3 of 3 nodes agreed", "Only one node answered"). */
function sourcesText(sources: number, agreeing: number | undefined): string {
  if (agreeing === undefined) return t('trust.nodesAsked', { count: sources });
  // "1 of 1 nodes agreed" would claim a cross-check that never happened.
  if (sources === 0) return t('trust.noneAnswered');
  if (sources === 1) return t('trust.oneAnswered');
  return t('trust.agreed', { agreeing, count: sources });
}

/** The sentence that adds the numbers ("3 of 3 nodes agreed at epoch 1,204"). */
export function trustDetail(trust: Trust): string | undefined {
  // A proved value: the proof says it all (its anchor is listed beside it); no node count applies.
  if (trust.proof) return t('trust.proof.proved', { epoch: formatNumber(trust.proof.epoch) });
  const base = nodeDetail(trust);
  if (!trust.fallback) return base;
  // Why the value is not proved comes last, as a sentence of its own.
  return base ? t('trust.proof.thenFallback', { first: base, second: fallbackText(trust.fallback) }) : fallbackText(trust.fallback);
}

function nodeDetail(trust: Trust): string | undefined {
  // The single-source meaning already says that only one node answered.
  const countSaid = trust.level === 'single-source' && trust.sources === 1 && trust.agreeing !== undefined;
  let numbers = trust.sources !== undefined && !countSaid ? sourcesText(trust.sources, trust.agreeing) : '';
  if (trust.epoch !== undefined) {
    const epoch = formatNumber(trust.epoch);
    numbers = numbers ? t('trust.atEpoch', { text: numbers, epoch }) : t('trust.readAtEpoch', { epoch });
  }
  if (trust.detail && numbers) return t('common.sentences', { first: numbers, second: trust.detail });
  return trust.detail ?? (numbers ? t('common.sentence', { text: numbers }) : undefined);
}
