/**
 * Runs light-client operations over the node pool: each attempt binds the light client's transport
 * to one Core node (and one eSpace node for eSpace base prices), so a failed check can be blamed on
 * the node whose answer failed; that node is banned or penalised and the operation is repeated
 * with the next node. The light client keeps everything it verified before a failure, so a sync
 * interrupted by a lying node continues from there with an honest one.
 *
 * Spreading: successive operations start at successive nodes (round robin over the candidates),
 * so every node's answers get checked — a liar hiding behind a faster honest node is found, and
 * banned, the first time it serves a false header.
 *
 * Blame for a header hash mismatch needs care: a Core header's hash covers the eSpace base price,
 * which comes from an eSpace node. The mismatch is settled before anyone is banned: the operation
 * is repeated with another eSpace node (success: the first eSpace node lied), then with another
 * Core node and the same eSpace node (success: the first Core node's header was false). When no
 * other node can settle it, the Core node that served the header is banned. A retry that fails
 * for another reason never discards the evidence of the first failure.
 * @module
 */
import { LightClientError, anotherNodeMaySucceed } from '../../lightclient/errors.js';
import { ESPACE_METHODS, transportFromRequest, type LightClientMethod, type LightClientTransport } from '../../lightclient/transport.js';
import type { Space } from '../../space.js';
import type { NodeEndpoint } from '../../rpc/pool/endpoint.js';
import { NoNodeAvailableError, type NodeAttempt } from '../../rpc/pool/errors.js';
import { describeVerdict, type NodePool } from '../../rpc/pool/node-pool.js';

export interface RunResult<T> {
  value: T;
  /** The Core node whose answers were used. */
  node: NodeEndpoint;
}

type Operation<T> = (transport: LightClientTransport, node: NodeEndpoint) => Promise<T>;

const HEADER_MISMATCH = new Set(['bad_header_hash', 'broken_parent_link']);

/** Other nodes than `node`, those of other operators first. */
function others(nodes: readonly NodeEndpoint[], node: NodeEndpoint | undefined): NodeEndpoint[] {
  const rest = nodes.filter((n) => n.id !== node?.id);
  return [...rest.filter((n) => n.operator !== node?.operator), ...rest.filter((n) => n.operator === node?.operator)];
}

export class VerifiedRunner {
  private turn = 0;

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

  /** Unbanned candidates rotated so that each operation starts at the next node. */
  private rotated(space: Space, turn: number): NodeEndpoint[] {
    const list = this.pool.candidates(space).filter((n) => !this.pool.isBanned(n.id));
    if (list.length === 0) return list;
    const start = turn % list.length;
    return [...list.slice(start), ...list.slice(0, start)];
  }

  /**
   * Runs `operation` with transports bound to one node after another until it succeeds.
   * @throws the operation's error when it is not about the node (e.g. `not_finalized`)
   * @throws {NoNodeAvailableError} when every Core node failed
   */
  async run<T>(operation: Operation<T>): Promise<RunResult<T>> {
    const attempts: NodeAttempt[] = [];
    const turn = this.turn++;
    const cores = this.rotated('core', turn);
    /** eSpace nodes that failed in this run: not asked again in it. */
    const failedEspace = new Set<string>();
    for (const core of cores) {
      if (this.pool.isBanned(core.id)) continue;
      const result = await this.withCore(operation, core, cores, () => this.rotated('espace', turn).filter((n) => !failedEspace.has(n.id)), failedEspace, attempts);
      if (result !== undefined) return result;
    }
    throw new NoNodeAvailableError('core', this.pool.network, attempts);
  }

  /** Runs `operation` with one Core node; when an eSpace node fails its part, again with the next one. */
  private async withCore<T>(operation: Operation<T>, core: NodeEndpoint, cores: readonly NodeEndpoint[], espaceList: () => NodeEndpoint[], failedEspace: Set<string>, attempts: NodeAttempt[]): Promise<RunResult<T> | undefined> {
    for (;;) {
      const espaceNodes = espaceList();
      try {
        return { value: await operation(this.transportFor(core, espaceNodes[0]), core), node: core };
      } catch (error) {
        if (!(error instanceof LightClientError)) {
          const verdict = this.pool.report(core.id, error);
          attempts.push({ node: core.label, problem: describeVerdict(verdict), verdict: verdict.kind });
          if (verdict.kind === 'aborted') throw error;
          return undefined;
        }
        if (!anotherNodeMaySucceed(error.kind)) throw error;
        const espace = espaceNodes[0];
        if (espace !== undefined && error.request !== undefined && ESPACE_METHODS.has(error.request.method as LightClientMethod)) {
          // The eSpace node failed or lied: the Core node is not judged; ask the next eSpace node.
          this.pool.report(espace.id, error);
          failedEspace.add(espace.id);
          if (espaceNodes.length > 1) continue;
        } else {
          const resolved = await this.blame(error, core, cores, espaceNodes, operation);
          if (resolved !== undefined) return resolved;
        }
        attempts.push({ node: core.label, problem: `${error.kind}${error.request ? ` (${error.request.method})` : ''}` });
        return undefined;
      }
    }
  }

  /** Reports the failure to the right node. Returns a result when a retry with other nodes settled it. */
  private async blame<T>(error: LightClientError, core: NodeEndpoint, cores: readonly NodeEndpoint[], espaceNodes: readonly NodeEndpoint[], operation: Operation<T>): Promise<RunResult<T> | undefined> {
    const espace = espaceNodes[0];
    if (!HEADER_MISMATCH.has(error.kind) || espace === undefined) {
      this.pool.report(core.id, error);
      return undefined;
    }
    // The same Core answer with another eSpace node's base price.
    for (const alternative of others(espaceNodes, espace).slice(0, 2)) {
      const retried = await this.attempt(operation, core, alternative);
      if (retried.ok) {
        this.pool.ban(espace.id, 'forged_header', 'proven_lie', `reported an eSpace base price that makes a verified Core header's hash mismatch; ${alternative.label} reported the right one`);
        return { value: retried.value, node: core };
      }
      if (retried.error instanceof LightClientError && HEADER_MISMATCH.has(retried.error.kind)) break;
    }
    // Another Core node's answer with the same eSpace base price.
    for (const alternative of others(cores, core).filter((n) => !this.pool.isBanned(n.id)).slice(0, 2)) {
      const retried = await this.attempt(operation, alternative, espace);
      if (retried.ok) {
        const settled = new LightClientError(error.kind, `${error.message}; the same block from ${alternative.label}, with the same eSpace base price, verifies`, { cause: error, ...(error.request ? { request: error.request } : {}) });
        this.pool.report(core.id, settled);
        return { value: retried.value, node: alternative };
      }
    }
    // Nothing settles it: the Core node served the header that does not hash as it must.
    this.pool.report(core.id, error);
    return undefined;
  }

  private async attempt<T>(operation: Operation<T>, core: NodeEndpoint, espace: NodeEndpoint): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    try {
      return { ok: true, value: await operation(this.transportFor(core, espace), core) };
    } catch (error) {
      // Only unavailability is recorded here; who lied is decided by the caller.
      if (!(error instanceof LightClientError)) this.pool.report(core.id, error);
      else if (error.kind === 'missing') this.pool.report(error.request !== undefined && ESPACE_METHODS.has(error.request.method as LightClientMethod) ? espace.id : core.id, error);
      return { ok: false, error };
    }
  }
}
