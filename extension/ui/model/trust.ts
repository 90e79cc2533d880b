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

export const TRUST_TEXT: Record<TrustLevel, TrustText> = {
  verified: {
    label: 'Verified',
    meaning: 'Wayfarer checked this itself against the chain’s finalized history, starting from a checkpoint built into the wallet. No node had to be trusted.',
  },
  'cross-checked': {
    label: 'Cross-checked',
    meaning: 'Conflux nodes cannot prove this value, so Wayfarer asked several independent nodes about the same verified block, and they all gave the same answer.',
    advice: 'Nodes run by different people would all have to lie the same way to fool you.',
  },
  'single-source': {
    label: 'Single source',
    meaning: 'Only one node answered. Wayfarer could not check it: that node may be wrong, out of date, or lying.',
    advice: 'Add another node in Settings → Nodes so values can be cross-checked.',
  },
  conflict: {
    label: 'Conflict',
    meaning: 'Nodes gave different answers. Wayfarer will not pick one for you, so do not rely on this value yet.',
    advice: 'Nodes proven wrong are banned automatically. Check Settings → Nodes, or try again later.',
  },
  unknown: {
    label: 'Not checked',
    meaning: 'This value has not been checked yet — it may be remembered from earlier and is being refreshed.',
  },
};

/** How many nodes answered and agreed, in plain words ("3 of 3 nodes agreed", "Only one node answered"). */
function sourcesText(sources: number, agreeing: number | undefined): string {
  if (agreeing === undefined) return `${sources} node${sources === 1 ? '' : 's'} asked`;
  // "1 of 1 nodes agreed" would claim a cross-check that never happened.
  if (sources === 0) return 'No node answered';
  if (sources === 1) return 'Only one node answered';
  return `${agreeing} of ${sources} nodes agreed`;
}

/** The sentence that adds the numbers ("3 of 3 nodes agreed at epoch 1,204"). */
export function trustDetail(trust: Trust): string | undefined {
  const parts: string[] = [];
  // The single-source meaning already says that only one node answered.
  const countSaid = trust.level === 'single-source' && trust.sources === 1 && trust.agreeing !== undefined;
  if (trust.sources !== undefined && !countSaid) parts.push(sourcesText(trust.sources, trust.agreeing));
  if (trust.epoch !== undefined) parts.push(`${parts.length > 0 ? 'at' : 'Read at'} epoch ${trust.epoch.toLocaleString('en-US')}`);
  const numbers = parts.join(' ');
  if (trust.detail && numbers) return `${numbers}. ${trust.detail}`;
  return trust.detail ?? (numbers ? `${numbers}.` : undefined);
}
