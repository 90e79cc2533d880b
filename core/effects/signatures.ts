/**
 * The bundled table of common function signatures, for calls the effect decoder has no dedicated
 * reading of. Small and curated on purpose: every entry is a published interface, so a selector
 * found here means what the standard says (a contract can still implement it dishonestly — the
 * effect names the contract, it does not vouch for it).
 *
 * Sources (parameter names as in each source):
 * - ERC-20 (EIP-20), plus OpenZeppelin ERC20's increaseAllowance/decreaseAllowance (contracts ≤ 4.9)
 * - ERC-721 (EIP-721), ERC-1155 (EIP-1155), ERC-2612 permit (EIP-2612), ERC-4626 vaults (EIP-4626)
 * - WETH9 deposit/withdraw (the wrapped-native pattern WCFX follows)
 * - Uniswap V2 Router02 (Uniswap/v2-periphery `IUniswapV2Router02`), which Swappi on eSpace follows
 * - Uniswap Permit2 `IAllowanceTransfer` approve/lockdown (Uniswap/permit2)
 * - Multicall (makerdao/multicall `aggregate`), Multicall3 (`aggregate3`, deployed on Conflux per
 *   the Conflux documentation), Uniswap V3 periphery `multicall(bytes[])` and `multicall(uint256,bytes[])`
 * - OpenZeppelin Ownable `transferOwnership`/`renounceOwnership`
 * Conflux internal contracts live in internal-contracts.ts, keyed by address.
 * @module
 */
import { formatAbiType, parseAbiFunction, type AbiFunction } from '../abi/types.js';

export const COMMON_SIGNATURES: readonly string[] = [
  // ERC-20
  'transfer(address to,uint256 amount)',
  'transferFrom(address from,address to,uint256 amount)',
  'approve(address spender,uint256 amount)',
  'increaseAllowance(address spender,uint256 addedValue)',
  'decreaseAllowance(address spender,uint256 subtractedValue)',
  // ERC-2612
  'permit(address owner,address spender,uint256 value,uint256 deadline,uint8 v,bytes32 r,bytes32 s)',
  // ERC-721 / ERC-1155
  'safeTransferFrom(address from,address to,uint256 tokenId)',
  'safeTransferFrom(address from,address to,uint256 tokenId,bytes data)',
  'setApprovalForAll(address operator,bool approved)',
  'safeTransferFrom(address from,address to,uint256 id,uint256 amount,bytes data)',
  'safeBatchTransferFrom(address from,address to,uint256[] ids,uint256[] amounts,bytes data)',
  // Wrapped native currency (WETH9 / WCFX)
  'deposit()',
  'withdraw(uint256 wad)',
  // ERC-4626
  'deposit(uint256 assets,address receiver)',
  'mint(uint256 shares,address receiver)',
  'withdraw(uint256 assets,address receiver,address owner)',
  'redeem(uint256 shares,address receiver,address owner)',
  // Uniswap V2 Router02
  'swapExactTokensForTokens(uint256 amountIn,uint256 amountOutMin,address[] path,address to,uint256 deadline)',
  'swapTokensForExactTokens(uint256 amountOut,uint256 amountInMax,address[] path,address to,uint256 deadline)',
  'swapExactETHForTokens(uint256 amountOutMin,address[] path,address to,uint256 deadline)',
  'swapTokensForExactETH(uint256 amountOut,uint256 amountInMax,address[] path,address to,uint256 deadline)',
  'swapExactTokensForETH(uint256 amountIn,uint256 amountOutMin,address[] path,address to,uint256 deadline)',
  'swapETHForExactTokens(uint256 amountOut,address[] path,address to,uint256 deadline)',
  'swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256 amountIn,uint256 amountOutMin,address[] path,address to,uint256 deadline)',
  'swapExactETHForTokensSupportingFeeOnTransferTokens(uint256 amountOutMin,address[] path,address to,uint256 deadline)',
  'swapExactTokensForETHSupportingFeeOnTransferTokens(uint256 amountIn,uint256 amountOutMin,address[] path,address to,uint256 deadline)',
  'addLiquidity(address tokenA,address tokenB,uint256 amountADesired,uint256 amountBDesired,uint256 amountAMin,uint256 amountBMin,address to,uint256 deadline)',
  'addLiquidityETH(address token,uint256 amountTokenDesired,uint256 amountTokenMin,uint256 amountETHMin,address to,uint256 deadline)',
  'removeLiquidity(address tokenA,address tokenB,uint256 liquidity,uint256 amountAMin,uint256 amountBMin,address to,uint256 deadline)',
  'removeLiquidityETH(address token,uint256 liquidity,uint256 amountTokenMin,uint256 amountETHMin,address to,uint256 deadline)',
  // Permit2 (on-chain part)
  'approve(address token,address spender,uint160 amount,uint48 expiration)',
  'lockdown((address,address)[] approvals)',
  // Multicall
  'aggregate((address,bytes)[] calls)',
  'aggregate3((address,bool,bytes)[] calls)',
  'multicall(bytes[] data)',
  'multicall(uint256 deadline,bytes[] data)',
  // Ownable
  'transferOwnership(address newOwner)',
  'renounceOwnership()',
];

let table: ReadonlyMap<string, AbiFunction> | undefined;

/** Builds a selector → function map from signatures; throws if two share a selector. */
export function signatureTable(signatures: readonly string[]): ReadonlyMap<string, AbiFunction> {
  const map = new Map<string, AbiFunction>();
  for (const text of signatures) {
    const fn = parseAbiFunction(text);
    const existing = map.get(fn.selector);
    if (existing !== undefined) throw new RangeError(`selector ${fn.selector} of ${fn.signature} is already ${existing.signature}`);
    map.set(fn.selector, fn);
  }
  return map;
}

/** The function of the bundled table with this selector (`0x` + 8 lower-case hex digits). */
export function lookupSelector(selector: string): AbiFunction | undefined {
  table ??= signatureTable(COMMON_SIGNATURES);
  return table.get(selector);
}

/** The table's text signature for a function: with parameter names, as listed above. */
export function displaySignature(fn: AbiFunction): string {
  return `${fn.name}(${fn.inputs.map((p) => (p.name === '' ? formatAbiType(p.type) : `${formatAbiType(p.type)} ${p.name}`)).join(',')})`;
}
