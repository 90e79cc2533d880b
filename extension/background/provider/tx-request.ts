/**
 * Schemas of the transaction objects dApps send to `cfx_sendTransaction` (Fluent's fields) and
 * `eth_sendTransaction` (the Ethereum JSON-RPC fields viem/ethers send). Unknown fields are
 * refused: a field the wallet ignored could be one the dApp meant (e.g. blob or authorization
 * fields), and the user must sign only what they are shown. `nonce` is accepted and ignored, as
 * Fluent does: the wallet chooses nonces from what its nodes report and its own pending
 * transactions, so a page cannot make the user sign a replacement of another transaction.
 * @module
 */
import { array, nullable, object, optional, SchemaError, type Infer, type Schema } from '../../shared/schema.js';
import { coreAddress, data, ethAddress, hash32, tuple, uint } from './methods/params.js';

/** `type` as 0/1/2, from a number or a hex quantity. */
function txType(): Schema<0 | 1 | 2> {
  const q = uint();
  return {
    parse(value, path = '') {
      const n = Number(BigInt(q.parse(value, path)));
      if (n !== 0 && n !== 1 && n !== 2) throw new SchemaError(path, 'expected transaction type 0, 1 or 2');
      return n;
    },
  };
}

const coreAccessList = array(object({ address: coreAddress(), storageKeys: array(hash32(), { max: 1000 }) }), { max: 1000 });
const ethAccessList = array(object({ address: ethAddress(), storageKeys: array(hash32(), { max: 1000 }) }), { max: 1000 });

export const coreTxRequestSchema = object({
  from: coreAddress(),
  to: optional(nullable(coreAddress())),
  value: optional(uint()),
  data: optional(data()),
  gas: optional(uint()),
  gasLimit: optional(uint()),
  gasPrice: optional(uint()),
  storageLimit: optional(uint()),
  epochHeight: optional(uint()),
  chainId: optional(uint()),
  type: optional(txType()),
  maxFeePerGas: optional(uint()),
  maxPriorityFeePerGas: optional(uint()),
  accessList: optional(coreAccessList),
  nonce: optional(uint()),
});
export type CoreTxRequest = Infer<typeof coreTxRequestSchema>;

export const espaceTxRequestSchema = object({
  from: ethAddress(),
  to: optional(nullable(ethAddress())),
  value: optional(uint()),
  data: optional(data()),
  input: optional(data()),
  gas: optional(uint()),
  gasLimit: optional(uint()),
  gasPrice: optional(uint()),
  chainId: optional(uint()),
  type: optional(txType()),
  maxFeePerGas: optional(uint()),
  maxPriorityFeePerGas: optional(uint()),
  accessList: optional(ethAccessList),
  nonce: optional(uint()),
});
export type EspaceTxRequest = Infer<typeof espaceTxRequestSchema>;

export const coreSendTransactionParams = tuple(coreTxRequestSchema);
export const espaceSendTransactionParams = tuple(espaceTxRequestSchema);
