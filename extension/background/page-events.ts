/**
 * The one place where the background's events (events.ts) that pages see become UI events
 * (extension/shared/ui-api: `chain.networkChanged`, `chain.statusChanged`, `chain.nodesChanged`,
 * `chain.balancesChanged`, `chain.transactionChanged`), pushed by the router to every open wallet
 * page. Events only the background's parts use (`synced`, `transactionRecorded`) stay inside.
 * @module
 */
import type { BackgroundBus } from './events.js';
import type { UiRouter } from './router.js';

export function forwardToPages(bus: BackgroundBus, router: Pick<UiRouter, 'emit'>): void {
  bus.on('networkChanged', ({ network }) => router.emit('chain.networkChanged', { network }));
  bus.on('statusChanged', (status) => router.emit('chain.statusChanged', status));
  bus.on('nodesChanged', () => router.emit('chain.nodesChanged', {}));
  bus.on('balancesChanged', (change) => router.emit('chain.balancesChanged', change));
  bus.on('transactionChanged', (tx) => router.emit('chain.transactionChanged', tx));
}
