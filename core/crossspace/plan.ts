/**
 * Cross-space transfer planning: a user's intent (from, to, amount, network) becomes the exact,
 * ordered transaction drafts that carry it out, with the gas each needs and notes the UI renders.
 *
 * - Core → eSpace: one Core transaction, `CrossSpaceCall.transferEVM(bytes20 to)` with the amount as
 *   its value, to the same or any other eSpace address.
 * - eSpace → Core: two transactions. First the eSpace account sends the amount to the *mapped
 *   address* of the Core account (see mapped-address.ts); once that is executed, the Core account
 *   calls `CrossSpaceCall.withdrawFromMapped(amount)`, paying its own gas on Core. Only that Core
 *   account can withdraw, so the recipient must be one the wallet holds.
 * - Withdraw: the second step alone, for CFX already at the mapped address (a transfer whose first
 *   step went through, or CFX someone sent there).
 *
 * Storage: none of these transactions occupies Core storage (the internal contract only writes
 * logs and balances, and eSpace has no storage collateral), so the storage limit is 0.
 *
 * Threat model: the plan is what the user reviews; addresses are checked for their space and the
 * plan's network, the amount must be a positive uint256, and the recipient of a withdrawal must be
 * the wallet's own Core account. Nothing here reads the chain: facts such as whether the eSpace
 * receiver exists come from the caller.
 * @module
 */
import { encodeCfxAddress } from '../address/cip37.js';
import { parseEspaceAddress, toChecksumAddress } from '../address/eip55.js';
import { encodeStaticCall } from '../abi/encode.js';
import { bytesToHex, equalBytes, hexToBytes, MAX_UINT256, type Hex } from '../encoding/hex.js';
import type { Space } from '../space.js';
import { CrossSpaceError } from './errors.js';
import { CROSS_SPACE_CALL_HEX } from './events.js';
import { ESPACE_TRANSFER_GAS, transferEvmGas, withdrawFromMappedGas, type GasItem } from './gas.js';
import { coreAddressBytes, mappedAddressBytes } from './mapped-address.js';

/** `transferEVM(bytes20)` and `withdrawFromMapped(uint256)` selectors (conflux-rust `test_cross_space_contract_sig`). */
export const TRANSFER_EVM_SELECTOR = '0xda8d5daf';
export const WITHDRAW_FROM_MAPPED_SELECTOR = '0xc23ef031';

export interface CrossSpaceNetwork {
  /** Core network id (1029 mainnet, 1 testnet, the dev node's id). */
  coreChainId: number;
  /** eSpace chain id (1030, 71, …). */
  espaceChainId: number;
}

export type CrossSpaceIntent =
  | { kind: 'core_to_espace'; /** base32 Core account of the wallet */ from: string; /** eSpace address */ to: string; amount: bigint }
  | { kind: 'espace_to_core'; /** eSpace account of the wallet */ from: string; /** base32 Core account of the wallet */ to: string; amount: bigint }
  | { kind: 'withdraw_mapped'; /** base32 Core account of the wallet */ to: string; amount: bigint };

export interface PlanContext {
  network: CrossSpaceNetwork;
  /** The wallet's Core accounts (base32 or hex): a withdrawal's recipient must be among them. */
  ownCoreAccounts: readonly string[];
  /** What the caller read about the eSpace receiver of a Core → eSpace transfer (absent: unknown). */
  espaceRecipient?: { exists: boolean; hasCode: boolean };
  /**
   * The node's gas-limit estimate (`cfx_estimateGasAndCollateral(...).gasLimit`) for the Core →
   * eSpace draft. Used only when the receiver is a contract, whose code runs on a tenth of the gas
   * left (plus the 2 300 stipend): the limit is then the larger of the formula and the estimate.
   */
  nodeGasEstimate?: bigint;
}

export type DraftStep = 'transfer_evm' | 'fund_mapped' | 'withdraw_from_mapped';

/** One transaction to sign: everything but nonce, fee fields and (Core) epoch height. */
export interface TransactionDraft {
  step: DraftStep;
  space: Space;
  chainId: number;
  /** base32 on Core, EIP-55 on eSpace. */
  from: string;
  to: string;
  value: bigint;
  data: Hex;
  gas: bigint;
  /** How `gas` is made up, for the review screen. */
  gasItems: readonly GasItem[];
  /** Core only: 0 (nothing is stored); null on eSpace. */
  storageLimit: bigint | null;
  /** Index of the draft that must be executed before this one is sent; null for none. */
  waitsFor: number | null;
}

/**
 * Explanations for the UI, as codes with parameters (the catalog words them):
 * - `mapped_address`: what the mapped address is and that nobody holds its key.
 * - `two_steps`: eSpace → Core takes two transactions; the second waits for the first.
 * - `core_pays_withdraw_gas`: the Core account needs CFX on Core for the withdrawal's fee.
 * - `recipient_unknown`: whether the eSpace receiver exists was not read; the gas covers creating it.
 * - `recipient_is_contract`: the eSpace receiver is a contract; its code runs on a tenth of the gas
 *   left plus 2 300, and if it refuses the value the whole transaction fails (the value stays on
 *   Core, the fee is spent). `estimated` says whether the node's estimate set the limit; with it,
 *   about 3/4 of that limit is charged (the unused nine tenths count as left over).
 * - `recipient_is_mapped_address`: Core → eSpace to the sender's own mapped address (it stays
 *   withdrawable only by the sender).
 * - `same_account_key_differs`: the Core and eSpace accounts of one recovery phrase have different
 *   keys and addresses (they are not one account in two spaces).
 */
export interface PlanNote {
  code: 'mapped_address' | 'two_steps' | 'core_pays_withdraw_gas' | 'recipient_unknown' | 'recipient_is_contract' | 'recipient_is_mapped_address' | 'same_account_key_differs';
  params: Readonly<Record<string, string>>;
}

export interface CrossSpacePlan {
  kind: CrossSpaceIntent['kind'];
  network: CrossSpaceNetwork;
  /** Sender as shown (base32 or EIP-55); null for a withdrawal (the CFX is already at the mapped address). */
  from: string | null;
  /** Recipient as shown (base32 or EIP-55). */
  to: string;
  amount: bigint;
  /** The Core account whose mapped address is involved and that address (EIP-55); null for Core → eSpace to another address. */
  mapped: { coreAccount: string; address: string } | null;
  drafts: readonly TransactionDraft[];
  notes: readonly PlanNote[];
}

function readIntentAmount(amount: unknown): bigint {
  if (typeof amount !== 'bigint') throw new CrossSpaceError('crossspace.amount', 'amount: expected a bigint number of drip', { details: 'amount' });
  if (amount <= 0n || amount > MAX_UINT256) throw new CrossSpaceError('crossspace.amount', 'amount: must be more than 0 and fit in uint256', { details: 'amount' });
  return amount;
}

function readNetwork(network: unknown): CrossSpaceNetwork {
  const n = network as CrossSpaceNetwork | null;
  const ok = (id: unknown) => typeof id === 'number' && Number.isInteger(id) && id > 0 && id <= 0xffff_ffff;
  if (typeof n !== 'object' || n === null || !ok(n.coreChainId) || !ok(n.espaceChainId)) {
    throw new CrossSpaceError('crossspace.input', 'network: expected { coreChainId, espaceChainId }', { details: 'network' });
  }
  return { coreChainId: n.coreChainId, espaceChainId: n.espaceChainId };
}

function espaceAddress(address: unknown, field: string): Uint8Array {
  try {
    return hexToBytes(parseEspaceAddress(address as string), 20, field);
  } catch (cause) {
    throw new CrossSpaceError('crossspace.address', `${field}: not a valid eSpace address`, { cause, details: field });
  }
}

function assertOwnCore(core: Uint8Array, context: PlanContext, field: string): void {
  const own = Array.isArray(context.ownCoreAccounts) ? context.ownCoreAccounts : [];
  const mine = own.some((a) => {
    try {
      return equalBytes(coreAddressBytes(a, context.network.coreChainId), core);
    } catch {
      return false;
    }
  });
  if (!mine) {
    throw new CrossSpaceError('crossspace.foreign_recipient', `${field}: only the Core account itself can withdraw from its mapped address, and the wallet does not hold this one`, { details: field });
  }
}

function withdrawDraft(network: CrossSpaceNetwork, core: Uint8Array, amount: bigint, waitsFor: number | null): TransactionDraft {
  const data = encodeStaticCall(WITHDRAW_FROM_MAPPED_SELECTOR, [{ type: 'uint256', value: amount }]);
  const need = withdrawFromMappedGas(hexToBytes(data));
  return {
    step: 'withdraw_from_mapped', space: 'core', chainId: network.coreChainId,
    from: encodeCfxAddress(core, network.coreChainId), to: encodeCfxAddress(CROSS_SPACE_CALL_HEX, network.coreChainId),
    value: 0n, data, gas: need.gas, gasItems: need.items, storageLimit: 0n, waitsFor,
  };
}

function mappedNote(coreAccount: string, mapped: string): PlanNote {
  return { code: 'mapped_address', params: { coreAccount, mappedAddress: mapped } };
}

/**
 * The drafts and notes for a cross-space intent.
 * @throws {CrossSpaceError} `crossspace.input`, `crossspace.address`, `crossspace.amount`, `crossspace.foreign_recipient`
 * @example planCrossSpaceTransfer({ kind: 'core_to_espace', from: 'cfx:aa…', to: '0xAb…', amount: 10n ** 18n }, { network: { coreChainId: 1029, espaceChainId: 1030 }, ownCoreAccounts: ['cfx:aa…'] })
 */
export function planCrossSpaceTransfer(intent: CrossSpaceIntent, context: PlanContext): CrossSpacePlan {
  if (typeof intent !== 'object' || intent === null) throw new CrossSpaceError('crossspace.input', 'intent: expected an object');
  if (typeof context !== 'object' || context === null) throw new CrossSpaceError('crossspace.input', 'context: expected an object');
  const network = readNetwork(context.network);
  const amount = readIntentAmount(intent.amount);
  const coreId = network.coreChainId;

  if (intent.kind === 'core_to_espace') {
    const from = coreAddressBytes(intent.from, coreId, 'from');
    const to = espaceAddress(intent.to, 'to');
    const data = encodeStaticCall(TRANSFER_EVM_SELECTOR, [{ type: 'bytes20', value: to }]);
    const recipient = context.espaceRecipient;
    const need = transferEvmGas(hexToBytes(data), recipient?.exists === true);
    const estimate = context.nodeGasEstimate;
    if (estimate !== undefined && (typeof estimate !== 'bigint' || estimate <= 0n || estimate > 15_000_000n)) {
      throw new CrossSpaceError('crossspace.input', 'nodeGasEstimate: expected a bigint gas limit up to 15 000 000', { details: 'nodeGasEstimate' });
    }
    const useEstimate = recipient?.hasCode === true && estimate !== undefined && estimate > need.gas;
    if (useEstimate) {
      need.items.push({ item: 'contract_receiver', gas: estimate - need.gas });
      need.gas = estimate;
    }
    const fromShown = encodeCfxAddress(from, coreId);
    const toShown = toChecksumAddress(bytesToHex(to));
    const ownMapped = mappedAddressBytes(from);
    const notes: PlanNote[] = [];
    if (recipient === undefined) notes.push({ code: 'recipient_unknown', params: { to: toShown } });
    else if (recipient.hasCode) notes.push({ code: 'recipient_is_contract', params: { to: toShown, estimated: String(useEstimate) } });
    const toMapped = equalBytes(ownMapped, to);
    if (toMapped) notes.push({ code: 'recipient_is_mapped_address', params: { to: toShown } }, mappedNote(fromShown, toShown));
    return {
      kind: intent.kind, network, from: fromShown, to: toShown, amount,
      mapped: toMapped ? { coreAccount: fromShown, address: toShown } : null,
      drafts: [{
        step: 'transfer_evm', space: 'core', chainId: coreId, from: fromShown, to: encodeCfxAddress(CROSS_SPACE_CALL_HEX, coreId),
        value: amount, data, gas: need.gas, gasItems: need.items, storageLimit: 0n, waitsFor: null,
      }],
      notes,
    };
  }

  if (intent.kind === 'espace_to_core') {
    const from = espaceAddress(intent.from, 'from');
    const core = coreAddressBytes(intent.to, coreId, 'to');
    assertOwnCore(core, context, 'to');
    const coreShown = encodeCfxAddress(core, coreId);
    const mapped = toChecksumAddress(bytesToHex(mappedAddressBytes(core)));
    return {
      kind: intent.kind, network, from: toChecksumAddress(bytesToHex(from)), to: coreShown, amount,
      mapped: { coreAccount: coreShown, address: mapped },
      drafts: [
        {
          step: 'fund_mapped', space: 'espace', chainId: network.espaceChainId, from: toChecksumAddress(bytesToHex(from)), to: mapped,
          value: amount, data: '0x', gas: ESPACE_TRANSFER_GAS, gasItems: [{ item: 'intrinsic', gas: ESPACE_TRANSFER_GAS }], storageLimit: null, waitsFor: null,
        },
        withdrawDraft(network, core, amount, 0),
      ],
      notes: [
        mappedNote(coreShown, mapped),
        { code: 'two_steps', params: { mappedAddress: mapped } },
        { code: 'core_pays_withdraw_gas', params: { coreAccount: coreShown } },
        { code: 'same_account_key_differs', params: {} },
      ],
    };
  }

  if (intent.kind === 'withdraw_mapped') {
    const core = coreAddressBytes(intent.to, coreId, 'to');
    assertOwnCore(core, context, 'to');
    const coreShown = encodeCfxAddress(core, coreId);
    const mapped = toChecksumAddress(bytesToHex(mappedAddressBytes(core)));
    return {
      kind: intent.kind, network, from: null, to: coreShown, amount,
      mapped: { coreAccount: coreShown, address: mapped },
      drafts: [withdrawDraft(network, core, amount, null)],
      notes: [mappedNote(coreShown, mapped), { code: 'core_pays_withdraw_gas', params: { coreAccount: coreShown } }],
    };
  }
  throw new CrossSpaceError('crossspace.input', 'intent.kind: expected core_to_espace, espace_to_core or withdraw_mapped', { details: 'kind' });
}
