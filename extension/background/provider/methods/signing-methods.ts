/**
 * Methods that ask the user to sign: personal_sign, typed data (CIP-23 on Core, EIP-712 v4 on
 * eSpace) and sending transactions.
 *
 * All checks that do not need the user happen here, before an approval is shown: the `from`
 * account must be one the site is connected to; the message or typed data must be valid (the same
 * core/message validation the signer runs); typed data bound to another chain is refused outright
 * (a signature for another chain is never produced); a transaction is completed into the exact
 * transaction that will be signed, for the active chain only.
 * @module
 */
import { decodeCfxAddress } from '../../../../core/address/cip37.js';
import { bytesToHex, type Hex } from '../../../../core/encoding/hex.js';
import { MessageError } from '../../../../core/message/errors.js';
import { personalMessageBytes } from '../../../../core/message/personal.js';
import { readInteger } from '../../../../core/message/typed-data-encode.js';
import { DOMAIN_TYPE_NAMES, hashTypedData } from '../../../../core/message/typed-data.js';
import type { Space } from '../../../../core/space.js';
import { SchemaError, string, union, type Schema } from '../../../shared/schema.js';
import { grantedAccount } from '../accounts.js';
import { invalidParams } from '../errors.js';
import { buildCoreDraft, buildEspaceDraft } from '../../transactions/draft-builder.js';
import { coreSendTransactionParams, espaceSendTransactionParams } from '../tx-request.js';
import { coreAddress, ethAddress, optional, passThroughObject, tuple } from './params.js';
import { ask, method, type MethodContext, type MethodSpec } from './types.js';

const MAX_MESSAGE_CHARS = 256 * 1024;
const MAX_TYPED_DATA_BYTES = 256 * 1024;

const addressFor = (space: Space): Schema<string> => (space === 'core' ? coreAddress() : ethAddress());

/** Typed data as a JSON string (the usual form) or an object; parsed to a plain value. */
function typedDataParam(): Schema<unknown> {
  const text = string({ max: MAX_TYPED_DATA_BYTES });
  const object = passThroughObject(MAX_TYPED_DATA_BYTES);
  return union(
    {
      parse(value, path = '') {
        const s = text.parse(value, path);
        try {
          return JSON.parse(s) as unknown;
        } catch {
          throw new SchemaError(path, 'typed data string is not JSON');
        }
      },
    },
    object,
  );
}

/** Refuses typed data whose domain names another chain (or, on Core, a contract on another network). */
function assertTypedDataChain(space: Space, typedData: unknown, activeChainId: number): number | null {
  const td = typedData as { types: Record<string, { name: string }[]>; domain: Record<string, unknown> };
  const domainType = DOMAIN_TYPE_NAMES[space];
  let chainId: number | null = null;
  if ((td.types[domainType] ?? []).some((f) => f.name === 'chainId')) {
    const declared = readInteger(td.domain['chainId'], 'domain.chainId');
    if (declared !== BigInt(activeChainId)) {
      throw invalidParams(`Typed data is for chain ${declared} but the active chain is ${activeChainId}; refusing to sign it`);
    }
    chainId = activeChainId;
  }
  const contract = td.domain['verifyingContract'];
  if (space === 'core' && typeof contract === 'string' && !contract.startsWith('0x')) {
    const { networkId } = decodeCfxAddress(contract);
    if (networkId !== activeChainId) throw invalidParams(`verifyingContract is on network ${networkId} but the active chain is ${activeChainId}; refusing to sign it`);
  }
  return chainId;
}

async function personalSign(ctx: MethodContext, [message, from]: readonly [string, string, string | undefined]) {
  const account = await grantedAccount(ctx, from);
  let bytes: Uint8Array;
  try {
    bytes = personalMessageBytes(message);
  } catch (error) {
    if (error instanceof MessageError) throw invalidParams(error.message);
    throw error;
  }
  return ask({ kind: 'personal_sign', account, messageHex: bytesToHex(bytes) as Hex });
}

async function signTypedData(ctx: MethodContext, [from, typedData]: readonly [string, unknown]) {
  const account = await grantedAccount(ctx, from);
  const { chainId: activeChainId } = await ctx.chain.activeNetwork(ctx.space);
  try {
    hashTypedData(typedData, ctx.space);
  } catch (error) {
    if (error instanceof MessageError) throw invalidParams(`Invalid typed data: ${error.message}`);
    throw error;
  }
  let chainId: number | null;
  try {
    chainId = assertTypedDataChain(ctx.space, typedData, activeChainId);
  } catch (error) {
    if (error instanceof MessageError) throw invalidParams(error.message);
    throw error;
  }
  return ask({ kind: 'typed_data', account, typedData, chainId: chainId ?? activeChainId });
}

export function signingMethods(space: Space): Record<string, MethodSpec> {
  const personal = method(tuple(string({ max: MAX_MESSAGE_CHARS }), addressFor(space), optional(string({ max: 1000 }))), personalSign);
  const typed = method(tuple(addressFor(space), typedDataParam()), signTypedData);
  if (space === 'core') {
    return {
      personal_sign: personal,
      cfx_signTypedData_v4: typed,
      cfx_sendTransaction: method(coreSendTransactionParams, async (ctx, [request]) => {
        const account = await grantedAccount(ctx, request.from);
        let estimateFailure: { reason: string } | undefined;
        const tx = await buildCoreDraft(ctx.chain, request, account.address, { onEstimateFailure: (reason) => (estimateFailure = { reason }) });
        return ask({ kind: 'transaction', account, tx, ...(estimateFailure ? { estimateFailure } : {}) });
      }),
    };
  }
  return {
    personal_sign: personal,
    eth_signTypedData_v4: typed,
    eth_sendTransaction: method(espaceSendTransactionParams, async (ctx, [request]) => {
      const account = await grantedAccount(ctx, request.from);
      let estimateFailure: { reason: string } | undefined;
      const tx = await buildEspaceDraft(ctx.chain, request, account.address, { onEstimateFailure: (reason) => (estimateFailure = { reason }) });
      return ask({ kind: 'transaction', account, tx, ...(estimateFailure ? { estimateFailure } : {}) });
    }),
  };
}
