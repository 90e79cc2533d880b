/**
 * The shape of one dApp method: a parameter schema (checked before anything runs) and a handler
 * that either answers at once or describes an approval for the user. Handlers are plain functions
 * over an explicit context — no reflection, no default-allow.
 * @module
 */
import type { ApprovalRequest } from '../../../shared/provider-approvals.js';
import type { Schema } from '../../../shared/schema.js';
import type { AccountContext } from '../accounts.js';

export type MethodContext = AccountContext;

export type MethodOutcome = { result: unknown } | { approval: ApprovalRequest };

export interface MethodSpec<P = unknown> {
  params: Schema<P>;
  /** A read-only node method (counted against the site's read rate limit). */
  nodeRead?: true;
  run(ctx: MethodContext, params: P): Promise<MethodOutcome>;
}

/** Declares a method with its parameter type inferred from the schema. */
export function method<P>(params: Schema<P>, run: (ctx: MethodContext, params: P) => Promise<MethodOutcome>): MethodSpec<unknown> {
  return { params, run: run as (ctx: MethodContext, params: unknown) => Promise<MethodOutcome> };
}

export const answer = (result: unknown): MethodOutcome => ({ result });
export const ask = (approval: ApprovalRequest): MethodOutcome => ({ approval });
