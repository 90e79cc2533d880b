/**
 * The small event emitter behind each provider (`on`, `once`, `removeListener`, …), in the shape
 * dApp libraries expect from an EIP-1193 provider (Node's EventEmitter API subset).
 *
 * A listener that throws must not stop the others or break the provider, so each call is isolated
 * and the error is rethrown asynchronously, where the page's own error reporting sees it.
 * @module
 */

export type Listener = (...args: unknown[]) => void;

export interface Emitter {
  on(event: string, listener: Listener): void;
  once(event: string, listener: Listener): void;
  off(event: string, listener: Listener): void;
  removeAll(event?: string): void;
  count(event: string): number;
  listeners(event: string): Listener[];
  emit(event: string, ...args: unknown[]): void;
}

// Captured at load (document_start, before any page script): later monkey-patching by the page
// does not change how the provider behaves.
const defer = globalThis.setTimeout.bind(globalThis);

/** Bounded so a page that subscribes in a loop cannot grow memory without end. */
const MAX_LISTENERS_PER_EVENT = 1000;

export function createEmitter(): Emitter {
  const table = new Map<string, Listener[]>();
  const onceWrappers = new WeakMap<Listener, Listener>();

  const add = (event: string, listener: Listener): void => {
    if (typeof event !== 'string' || typeof listener !== 'function') throw new TypeError('expected (event: string, listener: function)');
    const list = table.get(event) ?? [];
    if (list.length >= MAX_LISTENERS_PER_EVENT) throw new RangeError(`too many listeners for ${event.slice(0, 40)}`);
    table.set(event, [...list, listener]);
  };

  const off = (event: string, listener: Listener): void => {
    const list = table.get(event);
    if (!list) return;
    const wrapper = onceWrappers.get(listener);
    const index = list.findIndex((l) => l === listener || l === wrapper);
    if (index < 0) return;
    const next = [...list.slice(0, index), ...list.slice(index + 1)];
    if (next.length === 0) table.delete(event);
    else table.set(event, next);
  };

  return {
    on: add,
    once(event, listener) {
      const wrapper: Listener = (...args) => {
        off(event, wrapper);
        listener(...args);
      };
      onceWrappers.set(listener, wrapper);
      add(event, wrapper);
    },
    off,
    removeAll(event) {
      if (event === undefined) table.clear();
      else table.delete(event);
    },
    count(event) {
      return table.get(event)?.length ?? 0;
    },
    listeners(event) {
      return [...(table.get(event) ?? [])];
    },
    emit(event, ...args) {
      // Iterate over a snapshot: listeners may add or remove listeners while running.
      for (const listener of table.get(event) ?? []) {
        try {
          listener(...args);
        } catch (error) {
          defer(() => {
            throw error;
          });
        }
      }
    },
  };
}
