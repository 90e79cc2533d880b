/**
 * Asking several independent nodes at once (the pool's `independent`): up to `count` nodes of
 * distinct operators in parallel; when one fails, the next candidate (of a new operator if
 * possible) takes its place. When answers are in from some nodes but one is still silent well
 * after them (three times the first answer's latency, at least {@link HEDGE_MIN_MS}), one more node
 * is asked alongside it (a hedged request), so one slow node on a bad connection does not hold the
 * answer up for its whole timeout. Requests still running when enough operators have answered are
 * cancelled (`slow` is told, so it counts in the node's health). Resolves with every answer and
 * failure; it never rejects.
 *
 * Threat model: nodes may be slow or silent on purpose; none can stall the answer beyond the
 * hedge, and which node is asked next is the pool's choice (`takeNext`), never a node's.
 * @module
 */
import type { Clock } from '../clock.js';
import type { Verdict } from './classify.js';
import type { NodeEndpoint } from './endpoint.js';

/** How long a silent node is waited for, at least, after another answered, before hedging. */
export const HEDGE_MIN_MS = 1500;

export type NodeAnswer<T> = { node: NodeEndpoint; ok: true; value: T } | { node: NodeEndpoint; ok: false; error: unknown; verdict: Verdict };

export interface IndependentAsk<T> {
  /** Candidates in the pool's order; taken from as nodes are asked. */
  readonly queue: NodeEndpoint[];
  /** Distinct operators whose answers are wanted. */
  readonly count: number;
  ask(node: NodeEndpoint, signal: AbortSignal): Promise<T>;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Judges a failure (and records it against the node). */
  report(node: NodeEndpoint, error: unknown): Verdict;
  /** The next node to ask, preferring operators neither answered nor in flight. */
  takeNext(queue: NodeEndpoint[], answered: ReadonlySet<string>, busyOperators: ReadonlySet<string>): NodeEndpoint | undefined;
  /** A node still running when enough had answered (cancelled). */
  slow(node: NodeEndpoint): void;
}

export function askIndependent<T>(input: IndependentAsk<T>): Promise<NodeAnswer<T>[]> {
const { queue, count, clock, signal } = input;
  const answers: NodeAnswer<T>[] = [];
  const answered = new Set<string>();
  const inFlight = new Map<string, { node: NodeEndpoint; controller: AbortController }>();
  const startedAt = clock.now();
  let hedgeTimer: unknown;
  let hedged = false;
  return new Promise<NodeAnswer<T>[]>((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      if (hedgeTimer !== undefined) clock.clearTimeout(hedgeTimer);
      signal?.removeEventListener('abort', finish);
      for (const { node, controller } of inFlight.values()) {
        input.slow(node);
        controller.abort();
      }
      inFlight.clear();
      resolve(answers);
    };
    const busyOperators = () => new Set([...answered, ...[...inFlight.values()].map((f) => f.node.operator)]);
    const start = (node: NodeEndpoint) => {
      const controller = new AbortController();
      inFlight.set(node.id, { node, controller });
      input.ask(node, controller.signal).then(
        (value) => {
          if (finished) return;
          answers.push({ node, ok: true, value });
          answered.add(node.operator);
          if (hedgeTimer === undefined && !hedged) {
            const delay = Math.max(HEDGE_MIN_MS, 3 * (clock.now() - startedAt));
            hedgeTimer = clock.setTimeout(hedge, delay);
          }
        },
        (error: unknown) => {
          if (finished) return;
          const verdict = input.report(node, error);
          answers.push({ node, ok: false, error, verdict });
        },
      ).finally(() => {
        if (finished) return;
        inFlight.delete(node.id);
        if (answered.size >= count) return finish();
        fill();
        if (inFlight.size === 0) finish();
      });
    };
    const fill = () => {
      while (answered.size + inFlight.size < count && !signal?.aborted) {
        const next = input.takeNext(queue, answered, busyOperators());
        if (!next) break;
        start(next);
      }
    };
    const hedge = () => {
      hedgeTimer = undefined;
      hedged = true;
      if (finished || answered.size >= count || inFlight.size === 0) return;
      const next = input.takeNext(queue, answered, busyOperators());
      if (next) start(next);
    };
    signal?.addEventListener('abort', finish, { once: true });
    fill();
    if (inFlight.size === 0) finish();
  });
}
