/**
 * Every code a core failure can carry, as one union derived from the error classes themselves
 * (each declares its literal `code`), so a code is spelled once, where its error is defined.
 * Callers switch on `error.code` against this union; `errors.test.ts` fails to compile if a class
 * ever widens its code to `string`.
 * @module
 */
import type * as abi from './abi/errors.js';
import type * as activity from './activity/errors.js';
import type * as address from './address/errors.js';
import type * as contacts from './contacts/errors.js';
import type * as crossspace from './crossspace/errors.js';
import type * as effects from './effects/errors.js';
import type * as hex from './encoding/hex.js';
import type * as rlp from './encoding/rlp.js';
import type { InvalidInputError } from './errors.js';
import type * as keys from './keys/errors.js';
import type * as lightclient from './lightclient/errors.js';
import type * as lightproto from './lightproto/errors.js';
import type * as message from './message/errors.js';
import type * as siwe from './message/siwe-errors.js';
import type * as names from './names/errors.js';
import type * as poisoning from './poisoning/errors.js';
import type * as proofgateway from './proofgateway/errors.js';
import type * as rpc from './rpc/errors.js';
import type * as pool from './rpc/pool/errors.js';
import type * as rpcSchema from './rpc/schema/validators.js';
import type * as accountReader from './trust/account-reader.js';
import type * as sites from './sites/errors.js';
import type * as state from './state/errors.js';
import type * as tx from './tx/errors.js';
import type * as vault from './vault/errors.js';

/** The `code`s of the error classes a module exports. */
export type CodesOf<M> = { [K in keyof M]: M[K] extends abstract new (...args: never[]) => { readonly code: infer C } ? C : never }[keyof M];

export type WayfarerErrorCode =
  | InvalidInputError['code']
  | CodesOf<typeof abi>
  | CodesOf<typeof activity>
  | CodesOf<typeof address>
  | CodesOf<typeof contacts>
  | CodesOf<typeof crossspace>
  | CodesOf<typeof effects>
  | CodesOf<typeof hex>
  | CodesOf<typeof rlp>
  | CodesOf<typeof keys>
  | CodesOf<typeof lightclient>
  | CodesOf<typeof lightproto>
  | CodesOf<typeof message>
  | CodesOf<typeof siwe>
  | CodesOf<typeof names>
  | CodesOf<typeof poisoning>
  | CodesOf<typeof proofgateway>
  | CodesOf<typeof rpc>
  | CodesOf<typeof pool>
  | CodesOf<typeof rpcSchema>
  | CodesOf<typeof accountReader>
  | CodesOf<typeof sites>
  | CodesOf<typeof state>
  | CodesOf<typeof tx>
  | CodesOf<typeof vault>;
