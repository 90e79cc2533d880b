/**
 * Name-service names: ENSIP-15 normalization, EIP-137 namehash, and Conflux Name Service
 * resolution on Core over an injected contract call. Pure: the caller does the IO.
 * @module
 */
export * from './errors.js';
export { normalizeName, namehash, namehashBytes, labelhash, type NormalizedName } from './namehash.js';
export {
  resolveCnsName, contractCallFrom, cnsDeployment, isNameOf, CNS_DEPLOYMENTS, COIN_TYPE_CONFLUX_CORE, RESOLVER_SELECTOR, ADDR_COIN_SELECTOR,
  type CnsDeployment, type CallAnswer, type ContractCall, type ResolutionStep, type NameResolution,
} from './cns.js';
