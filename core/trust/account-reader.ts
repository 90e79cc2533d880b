/**
 * Account reads with trust levels: balance, nonce, token balance and contract calls for Core and
 * eSpace, each asked at the latest verified epoch and cross-checked (see cross-check.ts).
 *
 * The epoch comes from the light client (the finalized pivot height), never from a node, so every
 * node is asked about the same state and their answers are comparable; on eSpace the block number
 * equals the Core epoch number. `nonceFloor` supplies verified facts about the user's own
 * transactions (a verified transaction with nonce n from this address proves the account nonce is
 * above n at any later epoch), which turns a nonce lie from "outvoted" into "proven".
 * @module
 */
import { decodeCfxAddress } from '../address/cip37.js';
import { parseEspaceAddress } from '../address/eip55.js';
import { InvalidInputError } from '../errors.js';
import { quantityToBigInt, toQuantity, type Hex } from '../encoding/hex.js';
import type { Space } from '../space.js';
import type { NodePool } from '../rpc/pool/node-pool.js';
import type { CoreCallRequest, EthCallRequest } from '../rpc/schema/methods.js';
import { crossCheckedRead } from './cross-check.js';
import type { TrustedValue } from './types.js';
import { WayfarerError } from '../errors.js';

export interface AccountReaderOptions {
  pool: NodePool;
  /** Latest verified epoch (Core finalized pivot height) for the space's reads. */
  verifiedEpoch: (space: Space) => Promise<number>;
  /** Lowest nonce the account can have at `epoch`, from verified transactions; undefined if none. */
  nonceFloor?: (space: Space, addressKey: string, epoch: number) => bigint | undefined;
}

/** A token contract answered `balanceOf` with something other than one 32-byte word. */
export class TokenCallError extends WayfarerError {
  declare readonly code: 'token.bad_return';
  constructor(message: string) {
    super('token.bad_return', message);
  }
}

const BALANCE_OF_SELECTOR = '0x70a08231';

/** The key privacy mode assigns nodes by: the 20 account bytes, so both address forms agree. */
export function addressKeyOf(space: Space, address: string): string {
  if (space === 'core') return decodeCfxAddress(address).hex;
  return parseEspaceAddress(address).toLowerCase();
}

function assertAddress(space: Space, address: string, title: string): void {
  try {
    addressKeyOf(space, address);
  } catch (cause) {
    throw new InvalidInputError(`"${title}" is not a valid ${space === 'core' ? 'Core (base32)' : 'eSpace (0x)'} address`, { cause });
  }
}

export class AccountReader {
  private readonly options: AccountReaderOptions;

  constructor(options: AccountReaderOptions) {
    this.options = options;
  }

  /**
   * Native balance (drip) at the latest verified epoch.
   * @example const { value, trust } = await reader.getBalance('core', 'cfx:aar…')
   */
  async getBalance(space: Space, address: string, signal?: AbortSignal): Promise<TrustedValue<bigint>> {
    assertAddress(space, address, 'address');
    const epoch = await this.options.verifiedEpoch(space);
    const tag = toQuantity(epoch);
    return crossCheckedRead(this.options.pool, {
      space,
      epoch,
      what: 'balance',
      addressKey: addressKeyOf(space, address),
      banReason: 'wrong_balance',
      show: (v) => v.toString(),
      ask: async (client, _node, abort) => quantityToBigInt(space === 'core' ? await client.request('cfx_getBalance', [address, tag], { signal: abort }) : await client.request('eth_getBalance', [address, tag], { signal: abort })),
      ...(signal ? { signal } : {}),
    });
  }

  /** Account nonce (next nonce to use, by state) at the latest verified epoch. */
  async getNonce(space: Space, address: string, signal?: AbortSignal): Promise<TrustedValue<bigint>> {
    assertAddress(space, address, 'address');
    const epoch = await this.options.verifiedEpoch(space);
    const tag = toQuantity(epoch);
    const key = addressKeyOf(space, address);
    const floor = this.options.nonceFloor?.(space, key, epoch);
    return crossCheckedRead(this.options.pool, {
      space,
      epoch,
      what: 'nonce',
      addressKey: key,
      banReason: 'wrong_nonce',
      show: (v) => v.toString(),
      ask: async (client, _node, abort) => quantityToBigInt(space === 'core' ? await client.request('cfx_getNextNonce', [address, tag], { signal: abort }) : await client.request('eth_getTransactionCount', [address, tag], { signal: abort })),
      ...(floor !== undefined ? { disprove: (v: bigint) => (v < floor ? `said ${v}, but a verified transaction from this account already used nonce ${floor - 1n}` : undefined) } : {}),
      ...(signal ? { signal } : {}),
    });
  }

  /**
   * A read-only contract call at the latest verified epoch; the raw return data is cross-checked.
   * The address the call is about (for privacy mode) is `about`, defaulting to `from`, then `to`.
   */
  async call(space: Space, request: CoreCallRequest | EthCallRequest, options: { about?: string; signal?: AbortSignal } = {}): Promise<TrustedValue<Hex>> {
    if (request.to === undefined) throw new InvalidInputError('"to" is required for a contract call');
    assertAddress(space, request.to, 'to');
    const epoch = await this.options.verifiedEpoch(space);
    const tag = toQuantity(epoch);
    const about = options.about ?? request.from ?? request.to;
    return crossCheckedRead(this.options.pool, {
      space,
      epoch,
      what: 'contract call',
      addressKey: addressKeyOf(space, about),
      banReason: 'wrong_call_result',
      show: (v) => v.toLowerCase(),
      ask: async (client, _node, abort) => (space === 'core' ? await client.request('cfx_call', [request, tag], { signal: abort }) : await client.request('eth_call', [request, tag], { signal: abort })) as Hex,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  /**
   * CRC-20 / ERC-20 `balanceOf(owner)` at the latest verified epoch.
   * @throws {TokenCallError} when the agreed answer is not a single 32-byte word
   */
  async getTokenBalance(space: Space, token: string, owner: string, signal?: AbortSignal): Promise<TrustedValue<bigint>> {
    assertAddress(space, token, 'token');
    assertAddress(space, owner, 'owner');
    const ownerHex = addressKeyOf(space, owner).slice(2).padStart(64, '0');
    const data = `${BALANCE_OF_SELECTOR}${ownerHex}` as Hex;
    const raw = await this.call(space, { to: token, data }, { about: owner, ...(signal ? { signal } : {}) });
    if (raw.value === undefined) return { ...raw, value: undefined };
    if (raw.value.length !== 66) throw new TokenCallError(`balanceOf returned ${(raw.value.length - 2) / 2} bytes, expected 32`);
    return { ...raw, value: BigInt(raw.value) };
  }
}
