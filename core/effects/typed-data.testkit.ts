/**
 * Permit typed data as dApps send it: built the way viem's wallet client builds the
 * eth_signTypedData_v4 parameter (EIP712Domain from getTypesForEIP712Domain, then
 * serializeTypedData), so the shapes are the ones real dApps produce.
 */
import { getAddress, getTypesForEIP712Domain, maxUint256, serializeTypedData, type TypedDataDefinition } from 'viem';

export const OWNER = getAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55');
export const SPENDER = getAddress('0x00000000000000000000000000000000000000aa');
export const TOKEN_A = getAddress('0x7d682e65efc5c13bf4e394b8f376c48e6bae0355');
export const TOKEN_B = getAddress('0x8b017126d2fede908a86b36b43969f17d25f3770');
export const PERMIT2 = getAddress('0x000000000022d473030f116ddee9f6b43ac78ba3');

/** What a dApp passes to the wallet: JSON with the EIP712Domain type included. */
export function asSent(definition: TypedDataDefinition): unknown {
  const { domain, types } = definition as { domain: Record<string, unknown>; types: Record<string, unknown> };
  return JSON.parse(serializeTypedData({ ...definition, types: { EIP712Domain: getTypesForEIP712Domain({ domain }), ...types } } as never)) as unknown;
}

const PERMIT_DETAILS = [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint160' }, { name: 'expiration', type: 'uint48' }, { name: 'nonce', type: 'uint48' }];
const TOKEN_PERMISSIONS = [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint256' }];
const permit2Domain = { name: 'Permit2', chainId: 1030, verifyingContract: PERMIT2 } as const;

export const eip2612 = (value = maxUint256): TypedDataDefinition => ({
  domain: { name: 'Token A', version: '1', chainId: 1030, verifyingContract: TOKEN_A },
  types: { Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] },
  primaryType: 'Permit',
  message: { owner: OWNER, spender: SPENDER, value, nonce: 3n, deadline: 1_900_000_000n },
});

export const daiPermit = (allowed: boolean): TypedDataDefinition => ({
  domain: { name: 'Dai Stablecoin', version: '1', chainId: 1030, verifyingContract: TOKEN_B },
  types: { Permit: [{ name: 'holder', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'expiry', type: 'uint256' }, { name: 'allowed', type: 'bool' }] },
  primaryType: 'Permit',
  message: { holder: OWNER, spender: SPENDER, nonce: 0n, expiry: 0n, allowed },
});

export const permitSingle = (amount = (1n << 160n) - 1n): TypedDataDefinition => ({
  domain: permit2Domain,
  types: { PermitSingle: [{ name: 'details', type: 'PermitDetails' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }], PermitDetails: PERMIT_DETAILS },
  primaryType: 'PermitSingle',
  message: { details: { token: TOKEN_A, amount, expiration: 1_800_000_000, nonce: 5 }, spender: SPENDER, sigDeadline: 1_700_000_000n },
});

export const permitBatch = (): TypedDataDefinition => ({
  domain: permit2Domain,
  types: { PermitBatch: [{ name: 'details', type: 'PermitDetails[]' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }], PermitDetails: PERMIT_DETAILS },
  primaryType: 'PermitBatch',
  message: {
    details: [{ token: TOKEN_A, amount: 10n, expiration: 1_800_000_000, nonce: 1 }, { token: TOKEN_B, amount: (1n << 160n) - 1n, expiration: 1_800_000_001, nonce: 2 }],
    spender: SPENDER, sigDeadline: 1_700_000_000n,
  },
});

export const permitTransferFrom = (): TypedDataDefinition => ({
  domain: permit2Domain,
  types: { PermitTransferFrom: [{ name: 'permitted', type: 'TokenPermissions' }, { name: 'spender', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }], TokenPermissions: TOKEN_PERMISSIONS },
  primaryType: 'PermitTransferFrom',
  message: { permitted: { token: TOKEN_A, amount: 1000n }, spender: SPENDER, nonce: 9n, deadline: 1_700_000_000n },
});

export const permitBatchTransferFrom = (): TypedDataDefinition => ({
  domain: permit2Domain,
  types: { PermitBatchTransferFrom: [{ name: 'permitted', type: 'TokenPermissions[]' }, { name: 'spender', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }], TokenPermissions: TOKEN_PERMISSIONS },
  primaryType: 'PermitBatchTransferFrom',
  message: { permitted: [{ token: TOKEN_A, amount: 1n }, { token: TOKEN_B, amount: maxUint256 }], spender: SPENDER, nonce: 9n, deadline: 1_700_000_000n },
});

export const permitWitnessTransferFrom = (): TypedDataDefinition => ({
  domain: permit2Domain,
  types: {
    PermitWitnessTransferFrom: [{ name: 'permitted', type: 'TokenPermissions' }, { name: 'spender', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }, { name: 'witness', type: 'Order' }],
    TokenPermissions: TOKEN_PERMISSIONS,
    Order: [{ name: 'recipient', type: 'address' }, { name: 'minOut', type: 'uint256' }],
  },
  primaryType: 'PermitWitnessTransferFrom',
  message: { permitted: { token: TOKEN_A, amount: maxUint256 }, spender: SPENDER, nonce: 1n, deadline: 1_700_000_000n, witness: { recipient: OWNER, minOut: 1n } },
});
