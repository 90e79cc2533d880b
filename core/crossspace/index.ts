/**
 * Cross-space transfers between Core space and eSpace: mapped addresses, gas needs, planning,
 * fees and the combined status of both sides. Pure: nothing here does IO.
 * @module
 */
export * from './errors.js';
export { mappedAddress, mappedAddressBytes, coreAddressBytes } from './mapped-address.js';
export { CORE_GAS, ESPACE_TRANSFER_GAS, chargedGas, intrinsicGas, transferEvmGas, withdrawFromMappedGas, type GasItem, type GasNeed } from './gas.js';
export { CALL_EVENT_TOPIC, WITHDRAW_EVENT_TOPIC, OUTCOME_EVENT_TOPIC, CROSS_SPACE_CALL_HEX, readCallEvents, readWithdrawEvents, readOutcomes, type LogInput, type CallEvent, type WithdrawEvent } from './events.js';
export {
  planCrossSpaceTransfer, TRANSFER_EVM_SELECTOR, WITHDRAW_FROM_MAPPED_SELECTOR,
  type CrossSpaceIntent, type CrossSpaceNetwork, type CrossSpacePlan, type PlanContext, type PlanNote, type TransactionDraft, type DraftStep,
} from './plan.js';
export { planFees, fundingShortfalls, coreTransactionFromDraft, espaceTransactionFromDraft, type FeeQuote, type DraftFee, type PlanFees, type FeeFields } from './fees.js';
export { transferStatus, type ObservedReceipt, type SendState, type StepObservation, type StepState, type StepProblem, type StepStatus, type TransferState, type TransferStatus } from './status.js';
export { transferRecordToJson, transferRecordFromJson, type TransferRecordJson } from './record.js';
