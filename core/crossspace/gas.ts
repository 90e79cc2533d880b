/**
 * Gas the cross-space transactions need, computed from the rules conflux-rust applies, so the
 * wallet can set a gas limit that is enough and not much more.
 *
 * Why tight limits matter: Conflux charges `max(gasUsed, 3/4 × gasLimit)` — when more than a
 * quarter of the limit is left over, only a quarter is refunded (`compute_refunded_gas` in
 * `crates/execution/executor/src/executive/pre_checked_executive.rs`). The 300 000 often used for
 * `transferEVM` is therefore charged as 225 000 gas, while the call needs about 128 000 at most.
 *
 * Sources (Conflux-Chain/conflux-rust at 3790f62a7bfc24ffecbfec55d9882aa73bd3c4d3):
 * - `internal_contract/impls/cross_space.rs`: `call_gas` (the upfront cost of `transferEVM`) and
 *   `withdraw_gas`; the eSpace frame of `transferEVM` gets 1/10 of the gas left plus the 2 300
 *   stipend (`CROSS_SPACE_GAS_RATIO`, `call_to_evmcore`), which it returns when the receiver has
 *   no code.
 * - `vm-types/src/spec.rs` `genesis_spec()`: tx 21 000, call 700, value transfer 9 000, new account
 *   25 000 × `evm_gas_ratio` 2, sha3 30, log 375 + 375 per topic + 8 per data byte.
 * - `executive/mod.rs` `gas_required_for`: 21 000 + 4 per zero and 68 per non-zero data byte (16
 *   after CIP-645/EIP-2028; the 68 used here is the upper bound on every version).
 * @module
 */

/** The schedule constants the formulas use (conflux-rust `Spec::genesis_spec`). */
export const CORE_GAS = {
  tx: 21_000n,
  dataZero: 4n,
  /** Non-zero calldata byte before CIP-645; 16 after it. The larger value is used as a bound. */
  dataNonZero: 68n,
  call: 700n,
  callValueTransfer: 9_000n,
  callNewAccount: 25_000n,
  evmGasRatio: 2n,
  sha3: 30n,
  log: 375n,
  logTopic: 375n,
  logData: 8n,
} as const;

/** A plain eSpace transfer to an address without code (the mapped address never has code). */
export const ESPACE_TRANSFER_GAS = 21_000n;

/** One line of a gas computation, for the UI to show where the number comes from. */
export interface GasItem {
  /** `intrinsic`, `call`, `new_account`, `value_transfer`, `inner_transaction`, `address_mapping`, `call_log`, `return_log`, `withdraw_log`, `contract_receiver` (extra from the node's estimate). */
  item: string;
  gas: bigint;
}

export interface GasNeed {
  /** The limit to sign: the sum of `items`. */
  gas: bigint;
  items: GasItem[];
}

/** 21 000 plus the calldata cost (upper bound over gas schedules). */
export function intrinsicGas(data: Uint8Array): bigint {
  let gas = CORE_GAS.tx;
  for (const byte of data) gas += byte === 0 ? CORE_GAS.dataZero : CORE_GAS.dataNonZero;
  return gas;
}

function sum(items: GasItem[]): GasNeed {
  return { gas: items.reduce((total, i) => total + i.gas, 0n), items };
}

/**
 * Gas of a Core transaction calling `transferEVM(to)` with a non-zero value.
 * @param receiverExists whether the eSpace receiver already exists (balance, nonce or code not
 *   all zero); false or unknown adds the new-account charge (50 000).
 */
export function transferEvmGas(calldata: Uint8Array, receiverExists: boolean): GasNeed {
  const logs = CORE_GAS.log + 3n * CORE_GAS.logTopic + CORE_GAS.logData * 128n; // Call: 3 topics, 4 words of data, no inner data
  const returnLog = CORE_GAS.log + CORE_GAS.logTopic + CORE_GAS.logData * 32n; // Outcome(bool)
  return sum([
    { item: 'intrinsic', gas: intrinsicGas(calldata) },
    { item: 'call', gas: CORE_GAS.call },
    { item: 'new_account', gas: receiverExists ? 0n : CORE_GAS.callNewAccount * CORE_GAS.evmGasRatio },
    { item: 'value_transfer', gas: CORE_GAS.callValueTransfer },
    // The eSpace side is charged as a transaction of its own (with empty data) on top of tx_gas.
    { item: 'inner_transaction', gas: 2n * CORE_GAS.tx },
    { item: 'address_mapping', gas: 2n * CORE_GAS.sha3 },
    { item: 'call_log', gas: logs },
    { item: 'return_log', gas: returnLog },
  ]);
}

/** Gas of a Core transaction calling `withdrawFromMapped(value)`. */
export function withdrawFromMappedGas(calldata: Uint8Array): GasNeed {
  return sum([
    { item: 'intrinsic', gas: intrinsicGas(calldata) },
    { item: 'value_transfer', gas: CORE_GAS.callValueTransfer },
    { item: 'inner_transaction', gas: CORE_GAS.tx },
    { item: 'address_mapping', gas: CORE_GAS.sha3 },
    { item: 'withdraw_log', gas: CORE_GAS.log + 3n * CORE_GAS.logTopic + CORE_GAS.logData * 64n },
  ]);
}

/** Gas Conflux charges for a limit and a use: `max(used, limit − ⌊limit / 4⌋)` (Core and eSpace). */
export function chargedGas(gasLimit: bigint, gasUsed: bigint): bigint {
  const floor = gasLimit - (gasLimit >> 2n);
  return gasUsed > floor ? gasUsed : floor;
}
