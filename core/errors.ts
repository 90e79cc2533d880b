/**
 * The one error base class of Wayfarer's core.
 *
 * Every failure the core can report is a subclass with a literal `code`, so callers (and the UI)
 * can tell failures apart without parsing messages. `details` carries extra context that is safe
 * to show; secrets never go into an error.
 * @module
 */
export class WayfarerError extends Error {
  /** Machine-readable failure kind, e.g. `rlp.non_canonical`. */
  readonly code: string;
  readonly details: string | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
    // Subclasses set their own name through new.target so `instanceof` and logs agree.
    this.name = new.target.name;
  }
}

/** A value failed a type, length or range check at a public entry point. */
export class InvalidInputError extends WayfarerError {
  constructor(message: string, options: { cause?: unknown; details?: string } = {}) {
    super('input.invalid', message, options);
  }
}
