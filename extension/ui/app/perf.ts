/**
 * Marks the moment the first screen can be used (its controls are rendered and wired), for
 * bench/ui.bench.ts: `performance.getEntriesByName('wayfarer:interactive')`.
 */
let marked = false;

export function markInteractive(screen: string): void {
  if (marked) return;
  marked = true;
  performance.mark('wayfarer:interactive', { detail: { screen } });
}
