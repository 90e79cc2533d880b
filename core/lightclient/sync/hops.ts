/**
 * Where the next skip goes: first straight to the target's ending; while the skipping rule refuses
 * (too little of the trusted committee signed), half as far; when the hop would be too short to be
 * worth it, nowhere (the caller verifies one epoch at a time). One hop is asked at a time, from one
 * node; a node that failed it is not asked for it again. Pure bookkeeping.
 * @module
 */
import type { PosState } from './pos-state.js';
import { takeHop } from './skip-state.js';

interface Hop {
  /** Epoch whose ending ledger info is asked for (it carries the committee of ending + 1). */
  readonly ending: number;
  readonly tried: Set<string>;
  request: number | null;
}

export type HopResult = { readonly kind: 'taken'; readonly state: PosState } | { readonly kind: 'halved' } | { readonly kind: 'too_short' };

export class HopPlanner {
  private hop: Hop | null = null;

  /** @param minHop the shortest hop worth taking (shorter gaps are verified one by one) */
  constructor(private readonly minHop: number) {}

  get active(): boolean {
    return this.hop !== null;
  }

  /** The epoch whose ending the current hop asks for. */
  get ending(): number | null {
    return this.hop?.ending ?? null;
  }

  /** Aims a new hop at the committee of `target` (the ending of `target − 1`). */
  aim(target: number): void {
    this.hop = { ending: target - 1, tried: new Set(), request: null };
  }

  clear(): void {
    this.hop = null;
  }

  /** Whether a request for the hop is wanted now, and from which nodes (`ok`). */
  wants(): ((source: string) => boolean) | null {
    const hop = this.hop;
    if (hop === null || hop.request !== null) return null;
    return (source) => !hop.tried.has(source);
  }

  sent(request: number): void {
    this.hop!.request = request;
  }

  owns(request: number): boolean {
    return this.hop?.request === request;
  }

  /** The hop's request failed or was dropped; `source` is not asked again when `blame`. */
  failed(source: string, blame: boolean): void {
    if (this.hop === null) return;
    this.hop.request = null;
    if (blame) this.hop.tried.add(source);
  }

  /** Whether no node among `sources` may still serve the hop. */
  exhausted(sources: readonly string[], mayServe: (source: string, epoch: number) => boolean): boolean {
    const hop = this.hop;
    return hop !== null && hop.request === null && sources.every((s) => hop.tried.has(s) || !mayServe(s, hop.ending + 1));
  }

  /**
   * Takes the answer to the hop's request.
   * @throws {LightClientError} what `takeHop` throws (a false or missing answer; the node is not asked again)
   */
  answer(source: string, answer: unknown, state: PosState, now: number): HopResult {
    const hop = this.hop!;
    hop.request = null;
    hop.tried.add(source);
    const taken = takeHop(state, hop.ending, answer, now);
    if (taken !== 'refused') {
      this.hop = null;
      return { kind: 'taken', state: taken.state };
    }
    const from = state.committee.epoch;
    const half = from + Math.floor((hop.ending - from) / 2);
    if (half - from < this.minHop) {
      this.hop = null;
      return { kind: 'too_short' };
    }
    this.hop = { ending: half, tried: new Set(), request: null };
    return { kind: 'halved' };
  }
}
