/**
 * Failures of the gateway itself (as opposed to a node's or a client's): too much queued work, or
 * no node session to serve a request. JSON-RPC maps them to -32005 and -32000.
 */
import { WayfarerError } from '../core/errors.js';

export type GatewayErrorCode = 'gateway.busy' | 'gateway.no_node' | 'gateway.node_failed';

export class GatewayError extends WayfarerError {
  declare readonly code: GatewayErrorCode;

  constructor(code: GatewayErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}
