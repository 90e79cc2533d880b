/**
 * The one error base class of Wayfarer's core.
 *
 * Every failure the core can report is a subclass with a literal `code`, so callers (and the UI)
 * can tell failures apart without parsing messages. `details` carries extra context that is safe
 * to show; secrets never go into an error.
 * @module
 */
export class WayfarerError extends Error {
  /** Machine-readable failure kind, e.g. `rlp.non_canonical`; core's codes are `WayfarerErrorCode` (error-codes.ts). */
  readonly code: string;
  readonly details: string | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
    // Subclasses set their own name through new.target so `instanceof` and logs agree.
    this.name = new.target.name;
  }

  /**
   * Walks this error's chain of causes: returns the first error (this one included) for which
   * `match` holds, or, without `match`, the deepest cause. Stops at a cycle.
   * @example error.walk((e) => e instanceof LightClientError)
   */
  walk(match?: (error: unknown) => boolean): unknown {
    return walkCauses(this, match);
  }
}

/** {@link WayfarerError.walk} for any thrown value (a cause may be a plain Error or not an Error). */
export function walkCauses(error: unknown, match?: (error: unknown) => boolean): unknown {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (true) {
    if (match?.(current)) return current;
    seen.add(current);
    const next: unknown = current instanceof Error ? current.cause : undefined;
    if (next === undefined || next === null || seen.has(next)) return match ? null : current;
    current = next;
  }
}

/** A value failed a type, length or range check at a public entry point. */
export class InvalidInputError extends WayfarerError {
  declare readonly code: 'input.invalid';
  constructor(message: string, options: { cause?: unknown; details?: string } = {}) {
    super('input.invalid', message, options);
  }
}
