/**
 * The complete list of methods each provider answers — an explicit table per space, nothing
 * forwarded by name pattern. Lookup returns the method or the precise refusal: 4200 for methods
 * Wayfarer does not offer (with the reason for the ones it refuses on purpose, e.g. `eth_sign`),
 * and a pointer to the other provider for methods of the other space.
 * @module
 */
import type { Space } from '../../../../core/space.js';
import { decodeCoreTransaction } from '../../../../core/tx/core-decode.js';
import { decodeEspaceTransaction } from '../../../../core/tx/espace-decode.js';
import { TxError } from '../../../../core/tx/errors.js';
import { invalidParams, type ProviderRpcError } from '../errors.js';
import { accountMethods, REFUSED_METHODS, unsupported } from './accounts-methods.js';
import { networkMethods } from './network-methods.js';
import { RAW_TX_METHODS, readMethodsFor } from './readonly.js';
import { signingMethods } from './signing-methods.js';
import { batchMethods } from './batch-methods.js';
import { answer, method, type MethodSpec } from './types.js';

/** Positional parameters without trailing `undefined`s (optional ones the dApp left out). */
function trimmed(params: unknown): unknown[] {
  const list = Array.isArray(params) ? [...params] : [];
  while (list.length > 0 && list[list.length - 1] === undefined) list.pop();
  return list;
}

function readOnly(space: Space): Record<string, MethodSpec> {
  const table: Record<string, MethodSpec> = {};
  for (const [name, schema] of Object.entries(readMethodsFor(space))) {
    table[name] = { ...method(schema, async (ctx, params) => answer(await ctx.chain.read(space, name, trimmed(params)))), nodeRead: true };
  }
  const raw = RAW_TX_METHODS[space];
  table[raw.method] = method(raw.params, async (ctx, [rawTx]) => {
    const { chainId } = await ctx.chain.activeNetwork(space);
    try {
      if (space === 'core') decodeCoreTransaction(rawTx, { chainId });
      else decodeEspaceTransaction(rawTx, { chainId });
    } catch (error) {
      if (error instanceof TxError) throw invalidParams(`Not a valid signed transaction for the active chain ${chainId}: ${error.message}`);
      throw error;
    }
    return answer(await ctx.chain.sendRawTransaction(space, rawTx));
  });
  return table;
}

function buildTable(space: Space): ReadonlyMap<string, MethodSpec> {
  return new Map(Object.entries({ ...readOnly(space), ...networkMethods(space), ...signingMethods(space), ...accountMethods(space), ...(space === 'espace' ? batchMethods() : {}) }));
}

const TABLES: Readonly<Record<Space, ReadonlyMap<string, MethodSpec>>> = { core: buildTable('core'), espace: buildTable('espace') };

const OTHER_PROVIDER: Readonly<Record<Space, string>> = {
  core: 'it is an eSpace method; use the eSpace provider (window.ethereum or EIP-6963)',
  espace: 'it is a Core space method; use window.conflux',
};

export function lookupMethod(space: Space, name: string): MethodSpec | ProviderRpcError {
  const spec = TABLES[space].get(name);
  if (spec) return spec;
  const refusal = REFUSED_METHODS[name];
  if (refusal !== undefined) return unsupported(name, refusal);
  const other: Space = space === 'core' ? 'espace' : 'core';
  if (TABLES[other].has(name)) return unsupported(name, OTHER_PROVIDER[space]);
  return unsupported(name.slice(0, 100), 'unknown method');
}
