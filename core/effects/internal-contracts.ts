/**
 * Conflux Core internal contracts (builtin addresses `0x0888…`): their names and functions, so a
 * transaction to one is described by what it calls. CrossSpaceCall's moving functions are read by
 * cross-space.ts; this table also lists its views.
 *
 * Source (facts only): conflux-rust `crates/parameters/src/internal_contract_addresses.rs` for the
 * addresses, `crates/execution/executor/src/internal_contract/contracts/*.rs` for the function
 * signatures, and `internal_contract/contracts/*.sol` for parameter names
 * (Conflux-Chain/conflux-rust at 3790f62a7bfc24ffecbfec55d9882aa73bd3c4d3). These contracts exist on
 * Core only; the same addresses on eSpace are ordinary addresses.
 * @module
 */
import type { AbiFunction } from '../abi/types.js';
import { signatureTable } from './signatures.js';

export const CROSS_SPACE_CALL_ADDRESS = '0x0888000000000000000000000000000000000006';

const INTERNAL_CONTRACT_SIGNATURES: Readonly<Record<string, { name: string; functions: readonly string[] }>> = {
  '0x0888000000000000000000000000000000000000': {
    name: 'AdminControl',
    functions: ['setAdmin(address contractAddr,address newAdmin)', 'destroy(address contractAddr)', 'getAdmin(address contractAddr)'],
  },
  '0x0888000000000000000000000000000000000001': {
    name: 'SponsorWhitelistControl',
    functions: [
      'setSponsorForGas(address contractAddr,uint256 upperBound)',
      'setSponsorForCollateral(address contractAddr)',
      'addPrivilege(address[] addresses)',
      'removePrivilege(address[] addresses)',
      'addPrivilegeByAdmin(address contractAddr,address[] addresses)',
      'removePrivilegeByAdmin(address contractAddr,address[] addresses)',
      'getSponsorForGas(address contractAddr)',
      'getSponsoredBalanceForGas(address contractAddr)',
      'getSponsoredGasFeeUpperBound(address contractAddr)',
      'getSponsorForCollateral(address contractAddr)',
      'getSponsoredBalanceForCollateral(address contractAddr)',
      'isWhitelisted(address contractAddr,address user)',
      'isAllWhitelisted(address contractAddr)',
      'getAvailableStoragePoints(address contractAddr)',
    ],
  },
  '0x0888000000000000000000000000000000000002': {
    name: 'Staking',
    functions: [
      'deposit(uint256 amount)',
      'withdraw(uint256 amount)',
      'voteLock(uint256 amount,uint256 unlockBlockNumber)',
      'getStakingBalance(address user)',
      'getLockedStakingBalance(address user,uint256 blockNumber)',
      'getVotePower(address user,uint256 blockNumber)',
    ],
  },
  '0x0888000000000000000000000000000000000004': {
    name: 'ConfluxContext',
    functions: ['epochNumber()', 'posHeight()', 'finalizedEpochNumber()', 'epochHash(uint256 epochNumber)'],
  },
  '0x0888000000000000000000000000000000000005': {
    name: 'PoSRegister',
    functions: [
      'register(bytes32 identifier,uint64 votePower,bytes blsPubKey,bytes vrfPubKey,bytes[2] blsPubKeyProof)',
      'increaseStake(uint64 votePower)',
      'retire(uint64 votePower)',
      'getVotes(bytes32 identifier)',
      'identifierToAddress(bytes32 identifier)',
      'addressToIdentifier(address addr)',
    ],
  },
  [CROSS_SPACE_CALL_ADDRESS]: {
    name: 'CrossSpaceCall',
    functions: [
      'createEVM(bytes init)',
      'transferEVM(bytes20 to)',
      'callEVM(bytes20 to,bytes data)',
      'staticCallEVM(bytes20 to,bytes data)',
      'withdrawFromMapped(uint256 value)',
      'mappedBalance(address addr)',
      'mappedNonce(address addr)',
      'deployEip1820()',
    ],
  },
  '0x0888000000000000000000000000000000000007': {
    name: 'ParamsControl',
    functions: [
      'castVote(uint64 vote_round,(uint16,uint256[3])[] vote_data)',
      'readVote(address addr)',
      'currentRound()',
      'totalVotes(uint64 vote_round)',
      'posStakeForVotes(uint64 vote_round)',
    ],
  },
};

export interface InternalContract {
  name: string;
  functions: ReadonlyMap<string, AbiFunction>;
}

let contracts: ReadonlyMap<string, InternalContract> | undefined;

/** The internal contract at a lower-case hex address (Core only), or undefined. */
export function internalContract(hex: string): InternalContract | undefined {
  contracts ??= new Map(
    Object.entries(INTERNAL_CONTRACT_SIGNATURES).map(([address, c]) => [address, { name: c.name, functions: signatureTable(c.functions) }]),
  );
  return contracts.get(hex);
}
