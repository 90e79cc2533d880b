/**
 * Runs light-client operations over the node pool: each attempt binds the light client's transport
 * to one Core node (and one eSpace node for eSpace base prices), so a failed check can be blamed on
 * the node whose answer failed; that node is banned or penalised and the operation is repeated
 * with the next node. The light client keeps everything it verified before a failure, so a sync
 * interrupted by a lying node continues from there with an honest one.
 *
 * Blame for a header hash mismatch needs care: a Core header's hash covers the eSpace base price,
 * which comes from an eSpace node. Before banning the Core node for a forged header, the check is
 * repeated with a different eSpace node; if that succeeds, the first eSpace node lied instead.
 * @module
 */
import { LightClientError, anotherNodeMaySucceed } from '../../lightclient/errors.js';
import { ESPACE_METHODS, transportFromRequest, type LightClientMethod, type LightClientTransport } from '../../lightclient/transport.js';
import type { NodeEndpoint } from '../pool/endpoint.js';
import { NoNodeAvailableError } from '../pool/errors.js';
import { describeVerdict, type NodePool } from '../pool/node-pool.js';

export interface RunResult<T> {
  value: T;
  /** The Core node whose answers were used. */
  node: NodeEndpoint;
}

export class VerifiedRunner {
  constructor(private readonly pool: NodePool) {}

  /**
   * A light-client transport over one Core node and (optionally) one eSpace node. Answers pass
   * the RPC schemas and are returned exactly as the node sent them.
   */
  transportFor(core: NodeEndpoint, espace: NodeEndpoint | undefined): LightClientTransport {
    const coreClient = this.pool.client(core.id);
    const espaceClient = espace ? this.pool.client(espace.id) : undefined;
    return transportFromRequest(async (method: LightClientMethod, params: unknown[]) => {
      if (ESPACE_METHODS.has(method)) {
        if (!espaceClient) throw new LightClientError('missing', 'no eSpace node configured', { request: { method, params } });
        return espaceClient.requestVerbatim(method, params);
      }
      return coreClient.requestVerbatim(method, params);
    });
  }

  /**
   * Runs `operation` with transports bound to one node after another until it succeeds.
   * @throws the operation's error when it is not about the node (e.g. `not_finalized`)
   * @throws {NoNodeAvailableError} when every Core node failed
   */
  async run<T>(operation: (transport: LightClientTransport, node: NodeEndpoint) => Promise<T>): Promise<RunResult<T>> {
    const attempts: { node: string; problem: string }[] = [];
    for (const core of this.pool.candidates('core')) {
      if (this.pool.isBanned(core.id)) continue;
      const espaceNodes = this.pool.candidates('espace');
      try {
        return { value: await operation(this.transportFor(core, espaceNodes[0]), core), node: core };
      } catch (error) {
        if (!(error instanceof LightClientError)) {
          const verdict = this.pool.report(core.id, error);
          attempts.push({ node: core.label, problem: describeVerdict(verdict) });
          if (verdict.kind === 'aborted') throw error;
          continue;
        }
        if (!anotherNodeMaySucceed(error.kind)) throw error;
        const resolved = await this.blame(error, core, espaceNodes, operation);
        if (resolved !== undefined) return resolved;
        attempts.push({ node: core.label, problem: `${error.kind}${error.request ? ` (${error.request.method})` : ''}` });
      }
    }
    throw new NoNodeAvailableError('core', this.pool.network, attempts);
  }

  /** Reports the failure to the right node. Returns a result when a retry with another eSpace node succeeded. */
  private async blame<T>(error: LightClientError, core: NodeEndpoint, espaceNodes: NodeEndpoint[], operation: (transport: LightClientTransport, node: NodeEndpoint) => Promise<T>): Promise<RunResult<T> | undefined> {
    const espace = espaceNodes[0];
    const viaEspace = error.request !== undefined && ESPACE_METHODS.has(error.request.method as LightClientMethod);
    if (viaEspace && espace) {
      this.pool.report(espace.id, error);
      return undefined;
    }
    const alternative = espaceNodes.find((n) => n !== espace && n.operator !== espace?.operator) ?? espaceNodes[1];
    if (error.kind === 'bad_header_hash' && espace && alternative) {
      try {
        const value = await operation(this.transportFor(core, alternative), core);
        this.pool.ban(espace.id, 'forged_header', 'proven_lie', `reported an eSpace base price that makes a verified Core header's hash mismatch; ${alternative.label} reported the right one`);
        return { value, node: core };
      } catch (second) {
        if (second instanceof LightClientError && second.kind !== error.kind) {
          this.pool.report(core.id, second);
          return undefined;
        }
      }
    }
    this.pool.report(core.id, error);
    return undefined;
  }
}
