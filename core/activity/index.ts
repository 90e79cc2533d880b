/**
 * Activity: planning log queries for incoming token and cross-space transfers (any token, the
 * user's addresses as recipients, paged within node limits), the allowances the user granted
 * (`Approval` logs → pairs → allowance reads), reading the answers, CSV export and
 * block-explorer links. Pure: the caller sends the queries and proves the receipts.
 * @module
 */
export * from './errors.js';
export {
  planIncomingTransferQueries, planIncomingCrossSpaceQueries, planApprovalQueries, splitLogQuery, addressTopic, bytes20Topic,
  TRANSFER_TOPIC, APPROVAL_TOPIC, CROSS_SPACE_CALL_TOPIC, DEFAULT_MAX_RANGE, DEFAULT_MAX_RECIPIENTS, type LogQuery, type LogQueryKind, type IncomingPlanInput,
} from './log-queries.js';
export { readIncomingLogs, type IncomingTransfer, type RejectedLog } from './transfer-logs.js';
export { readApprovalLogs, approvalPairs, type FoundApproval, type ApprovalPair } from './approval-logs.js';
export { scanAllowances, encodeAllowanceCall, encodeRevokeCall, decodeAllowance, ALLOWANCE_SELECTOR, APPROVE_SELECTOR, type AllowanceSource, type AllowanceScan, type FoundAllowance, type UnreadableAllowance } from './allowances.js';
export { csvCell, toCsv, activityToCsv, ACTIVITY_CSV_HEADER, type ActivityRow, type CsvCell } from './csv.js';
export { explorerTransactionUrl, explorerAddressUrl, explorerTokenUrl, EXPLORERS } from './explorer.js';
export { BalanceScan, scanBalanceChanges, type AccountState, type BalanceChange, type BalanceScanResult } from './balance-scan.js';
