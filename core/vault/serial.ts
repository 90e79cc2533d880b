/**
 * A first-come, first-served queue for async work. The vault runs every read-modify-write and every
 * password attempt through one queue, so two requests from two popups never interleave inside one
 * process (compare-and-swap in storage.ts covers writers in other processes).
 * @module
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled; a failing task does not block the queue. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(() => task());
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
