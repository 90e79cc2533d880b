/**
 * Failures of the node pool as a whole (as opposed to one node's failure, which is an RpcError or
 * LightClientError attributed to that node).
 * @module
 */
import { WayfarerError } from '../../errors.js';
import type { RpcNodeError } from '../errors.js';

/** Every configured, unbanned node was tried and none gave an acceptable answer. */
export class NoNodeAvailableError extends WayfarerError {
  declare readonly code: 'pool.no_node';
  readonly space: string;
  readonly network: string;
  /** Per node: its label and why it did not help. */
  readonly attempts: readonly { node: string; problem: string }[];
  /**
   * The JSON-RPC errors nodes answered with, in the order asked. For requests a node may rightly
   * refuse (a call that reverts, a transaction the node rejects) these are the answer, and callers
   * pass one on.
   */
  readonly nodeErrors: readonly RpcNodeError[];

  constructor(space: string, network: string, attempts: readonly { node: string; problem: string }[], nodeErrors: readonly RpcNodeError[] = []) {
    super('pool.no_node', attempts.length === 0 ? `no usable ${space} node configured for ${network}` : `no ${space} node on ${network} gave an acceptable answer (${attempts.length} tried)`, {
      details: attempts.map((a) => `${a.node}: ${a.problem}`).join('; ').slice(0, 1000),
    });
    this.space = space;
    this.network = network;
    this.attempts = attempts;
    this.nodeErrors = nodeErrors;
  }
}
