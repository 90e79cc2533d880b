/**
 * How a UI↔background method is declared: a parameter schema (checked at runtime in the
 * background) and a result type (compile-time only; the background produces it).
 *
 * Curried so the result type can be given while the parameter type is inferred:
 *   'vault.unlock': uiMethod<VaultStatus>()(object({ password: string({ max: 1024 }) })),
 */
import type { Schema } from '../schema.js';

export interface UiMethod<P, R> {
  readonly params: Schema<P>;
  /** Phantom: carries the result type; never set at runtime. */
  readonly result?: R;
}

export function uiMethod<R>() {
  return <P>(params: Schema<P>): UiMethod<P, R> => ({ params });
}
