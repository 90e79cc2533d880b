/**
 * Marks the first screen's milestones for bench/ui.bench.ts (`performance.getEntriesByName(…)`):
 * - `wayfarer:modules`: the page's modules are evaluated and the first render starts;
 * - `wayfarer:committed`: the first screen is rendered and its effects ran (its controls are wired);
 * - `wayfarer:interactive`: the frame showing that screen has been produced — what the user sees
 *   and can use. It follows the commit by one animation frame, so a screen committed before the
 *   page's first paint is not counted as shown before it is.
 * Marks carry no data beyond the screen's name; nothing here is sent anywhere.
 */
let marked = false;

export function markModulesLoaded(): void {
  performance.mark('wayfarer:modules');
}

export function markInteractive(screen: string): void {
  if (marked) return;
  marked = true;
  performance.mark('wayfarer:committed', { detail: { screen } });
  // The callback of the next animation frame runs just before that frame is painted; a task queued
  // from it runs once the frame is done.
  requestAnimationFrame(() => setTimeout(() => performance.mark('wayfarer:interactive', { detail: { screen } }), 0));
}
