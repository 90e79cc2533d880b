/**
 * When an allowance counts as unlimited.
 *
 * Threshold: 2^128 raw units. No real token supply comes near it (it is 3.4·10^20 whole tokens at 18
 * decimals), and it catches every "infinite" value dApps use: max uint256, max uint160 (Permit2),
 * max int256, 2^255 and similar.
 * @module
 */

/** Allowances at or above this many raw units are shown as unlimited. */
export const UNLIMITED_THRESHOLD = 1n << 128n;

/** True when `amount` is at or above {@link UNLIMITED_THRESHOLD}. */
export function isUnlimited(amount: bigint): boolean {
  return amount >= UNLIMITED_THRESHOLD;
}
