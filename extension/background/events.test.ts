import { describe, expect, test } from 'vitest';
import type { UiEvents } from '../shared/ui-api/index.js';
import { EventBus, type BackgroundEvents } from './events.js';
import { forwardToPages } from './page-events.js';

describe('event bus', () => {
  test('listeners hear their event in order until they stop; one that throws does not stop the others', () => {
    const bus = new EventBus<{ a: number; b: string }>();
    const heard: string[] = [];
    const stop = bus.on('a', (n) => heard.push(`first ${n}`));
    bus.on('a', () => {
      throw new Error('broken listener');
    });
    bus.on('a', (n) => heard.push(`third ${n}`));
    bus.on('b', (s) => heard.push(`b ${s}`));
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      bus.emit('a', 1);
      stop();
      bus.emit('a', 2);
    } finally {
      console.error = error;
    }
    expect(heard).toEqual(['first 1', 'third 1', 'third 2']);
    expect(logged).toHaveLength(2);
    bus.emit('b', 'x');
    expect(heard.at(-1)).toBe('b x');
  });

  test('a listener that subscribes another during an emit does not hear it twice', () => {
    const bus = new EventBus<{ a: number }>();
    const heard: number[] = [];
    bus.on('a', () => bus.on('a', (n) => heard.push(n)));
    bus.emit('a', 1);
    expect(heard).toEqual([]);
  });

  test('pages hear the events they show, under their UI names; internal ones stay inside', () => {
    const bus = new EventBus<BackgroundEvents>();
    const pages: { name: keyof UiEvents; data: unknown }[] = [];
    forwardToPages(bus, { emit: (name, data) => pages.push({ name, data }) });
    bus.emit('nodesChanged', {});
    bus.emit('balancesChanged', { space: 'core', addresses: ['a'], balances: [] });
    bus.emit('networkChanged', { network: 'local', chainIds: { core: 1024, espace: 1025 } });
    bus.emit('synced', { network: 'local' });
    expect(pages).toEqual([
      { name: 'chain.nodesChanged', data: {} },
      { name: 'chain.balancesChanged', data: { space: 'core', addresses: ['a'], balances: [] } },
      // Without its chain ids: pages re-read the network they show.
      { name: 'chain.networkChanged', data: { network: 'local' } },
    ]);
  });
});
