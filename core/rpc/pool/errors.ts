/**
 * Failures of the node pool as a whole (as opposed to one node's failure, which is an RpcError or
 * LightClientError attributed to that node).
 * @module
 */
import { WayfarerError } from '../../errors.js';
import type { RpcNodeError } from '../errors.js';
import type { Verdict } from './classify.js';

/** One node's failure to help: its label, why, and how the pool judged it. */
export interface NodeAttempt {
  readonly node: string;
  readonly problem: string;
  readonly verdict?: Verdict['kind'];
}

/** Every configured, unbanned node was tried and none gave an acceptable answer. */
export class NoNodeAvailableError extends WayfarerError {
  declare readonly code: 'pool.no_node';
  readonly space: string;
  readonly network: string;
  /** Per node: its label and why it did not help. */
  readonly attempts: readonly NodeAttempt[];
  /**
   * The JSON-RPC errors nodes answered with, in the order asked. For requests a node may rightly
   * refuse (a call that reverts, a transaction the node rejects) these are the answer, and callers
   * pass one on.
   */
  readonly nodeErrors: readonly RpcNodeError[];

  /**
   * @param configured how many nodes of the space the network has (banned or not); with none asked,
   *   it tells "none configured" from "configured but none can be reached or used now".
   */
  constructor(space: string, network: string, attempts: readonly NodeAttempt[], nodeErrors: readonly RpcNodeError[] = [], configured?: number) {
    super('pool.no_node', noNodeMessage(space, network, attempts.length, configured), {
      details: attempts.map((a) => `${a.node}: ${a.problem}`).join('; ').slice(0, 1000),
    });
    this.space = space;
    this.network = network;
    this.attempts = attempts;
    this.nodeErrors = nodeErrors;
  }

  /**
   * Whether every node asked failed to answer at all (time-outs, lost connections): none refused,
   * none was caught in a lie. A poor link, not a verification failure.
   */
  get unanswered(): boolean {
    return this.attempts.length > 0 && this.attempts.every((a) => a.verdict === 'unhealthy');
  }
}

function noNodeMessage(space: string, network: string, tried: number, configured: number | undefined): string {
  if (tried > 0) return `no ${space} node on ${network} gave an acceptable answer (${tried} tried)`;
  if (configured === undefined) return `no ${space} node on ${network} could be used: none is configured, or every one is banned or cannot be reached`;
  if (configured === 0) return `no ${space} node is configured for ${network}`;
  return `none of the ${configured} ${space} node${configured === 1 ? '' : 's'} configured for ${network} can be reached or used right now (unreachable or banned)`;
}
