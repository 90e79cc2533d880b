/**
 * Verified account reads: native balances, nonces and token balances proved with Merkle proofs
 * that the user's proof gateways relay, against the light client's PoS-finalized headers
 * (`core/state`, `core/proofgateway`). Everything else — and these too when no gateway gives a
 * proof — is the cross-checked reader's (`AccountReader`), labelled as it always was, with a note
 * saying why the proof was not used.
 *
 * Threat model: a gateway is untrusted by design. A value is `verified` only when its proof passed
 * every check against a header that chains to the finalized pivot; the value shown is the proved
 * one, never a node's. Material that fails verification in a way an honest gateway cannot produce
 * bans the gateway with evidence (like a lying node) and the next gateway, then the nodes, are
 * asked. A gateway that is down, or misses items, is only unavailable. Privacy mode assigns each
 * address its own small, stable subset of gateways (the pool's rendezvous ranking), so no gateway
 * learns all of the user's addresses when there are several.
 *
 * Token balances: the slot of `balances[holder]` is located once per token by proving candidate
 * slots against `balanceOf` read from the nodes at the proof's epoch (`core/state/token-slot.ts`)
 * and remembered; later balances of any holder are proved at that slot. The location is only as
 * good as the `balanceOf` it was matched against (a unique, non-zero match among the candidates),
 * so that read must be cross-checked (on the local network, the user's own node, single-source
 * is accepted).
 * @module
 */
import { decodeCfxAddress } from '../../../core/address/cip37.js';
import { parseEspaceAddress } from '../../../core/address/eip55.js';
import { WayfarerError } from '../../../core/errors.js';
import { hexToBytes, toQuantity, type Hex } from '../../../core/encoding/hex.js';
import { proveAccountsViaGateway, proveStorageViaGateway, type GatewayRequest } from '../../../core/proofgateway/client.js';
import type { NodeEndpoint } from '../../../core/rpc/pool/endpoint.js';
import type { NodePool } from '../../../core/rpc/pool/node-pool.js';
import type { CoreCallRequest, EthCallRequest } from '../../../core/rpc/schema/methods.js';
import { addressKeyOf } from '../../../core/trust/account-reader.js';
import { crossCheckedRead } from '../../../core/trust/cross-check.js';
import type { ProofFallback, StateProofAnchor, TrustedValue } from '../../../core/trust/types.js';
import type { Space } from '../../../core/space.js';
import type { VerifiedHeaderSource } from '../../../core/state/header.js';
import type { ProofAnchor } from '../../../core/state/prove-account.js';
import { DEFAULT_BLAME_LOOKAHEAD, DEFERRED_STATE_EPOCH_COUNT } from '../../../core/state/state-root.js';
import { locateBalanceSlot, mappingSlot, type MappingLayout } from '../../../core/state/token-slot.js';

/** The reads the chain service makes; `AccountReader` is the cross-checked implementation. */
export interface AccountReads {
  getBalance(space: Space, address: string, signal?: AbortSignal): Promise<TrustedValue<bigint>>;
  getNonce(space: Space, address: string, signal?: AbortSignal): Promise<TrustedValue<bigint>>;
  getTokenBalance(space: Space, token: string, owner: string, signal?: AbortSignal): Promise<TrustedValue<bigint>>;
  call(space: Space, request: CoreCallRequest | EthCallRequest, options?: { about?: string; signal?: AbortSignal }): Promise<TrustedValue<Hex>>;
}

/** The light client's side: the newest finalized pivot and verified headers at or below it. */
export interface FinalizedAnchor {
  readonly finalized: { readonly height: number; readonly hash: string };
  readonly headers: VerifiedHeaderSource;
}

/** Where a token keeps balances (holder-independent), or that it could not be found. */
export type StoredSlot = { readonly index: number; readonly layout: MappingLayout } | { readonly none: 'no_match' | 'ambiguous' };

export interface SlotMemory {
  get(network: string, space: Space, token: string): Promise<StoredSlot | undefined>;
  put(network: string, space: Space, token: string, slot: StoredSlot): Promise<void>;
}

export interface VerifiedReaderDeps {
  readonly pool: NodePool;
  readonly fallback: AccountReads;
  /** Null when nothing is finalized yet (then nothing can be proved). */
  anchor(): Promise<FinalizedAnchor | null>;
  request(gateway: NodeEndpoint): GatewayRequest;
  readonly slots: SlotMemory;
  now(): number;
}

/** Epochs below the finalized pivot at which state is proved: its root is committed 5 epochs later, and blame is looked up 5 more. */
export const PROOF_EPOCH_LAG = DEFERRED_STATE_EPOCH_COUNT + DEFAULT_BLAME_LOOKAHEAD;

type Proved<T> = { ok: true; value: T; anchor: ProofAnchor; gateway: NodeEndpoint; finalized: FinalizedAnchor['finalized'] } | { ok: false; fallback: ProofFallback | undefined };

function accountBytes(space: Space, address: string): Uint8Array {
  return hexToBytes(space === 'core' ? decodeCfxAddress(address).hex : parseEspaceAddress(address).toLowerCase());
}

function isSourceFault(error: unknown): error is WayfarerError & { sourceAtFault: boolean; evidence: { request: string } | null } {
  return error instanceof WayfarerError && (error as { sourceAtFault?: unknown }).sourceAtFault === true;
}

export class VerifiedAccountReader implements AccountReads {
  constructor(private readonly deps: VerifiedReaderDeps) {}

  async getBalance(space: Space, address: string, signal?: AbortSignal): Promise<TrustedValue<bigint>> {
    const proved = await this.proveAccount(space, address, 'balance');
    return proved.ok ? this.verified(proved) : withFallback(await this.deps.fallback.getBalance(space, address, signal), proved.fallback);
  }

  async getNonce(space: Space, address: string, signal?: AbortSignal): Promise<TrustedValue<bigint>> {
    const proved = await this.proveAccount(space, address, 'nonce');
    return proved.ok ? this.verified(proved) : withFallback(await this.deps.fallback.getNonce(space, address, signal), proved.fallback);
  }

  async getTokenBalance(space: Space, token: string, owner: string, signal?: AbortSignal): Promise<TrustedValue<bigint>> {
    const proved = await this.proveToken(space, token, owner);
    return proved.ok ? this.verified(proved) : withFallback(await this.deps.fallback.getTokenBalance(space, token, owner, signal), proved.fallback);
  }

  call(space: Space, request: CoreCallRequest | EthCallRequest, options?: { about?: string; signal?: AbortSignal }): Promise<TrustedValue<Hex>> {
    return this.deps.fallback.call(space, request, options);
  }

  private verified(proved: Extract<Proved<bigint>, { ok: true }>): TrustedValue<bigint> {
    const { gateway, anchor, finalized, value } = proved;
    const proof: StateProofAnchor = { gateway: gateway.label, epoch: anchor.epoch, stateRoot: anchor.stateRoot, witness: { ...anchor.witness }, finalized: { ...finalized } };
    return { value, epoch: anchor.epoch, trust: 'verified', sources: [{ nodeId: gateway.id, node: gateway.label, operator: gateway.operator, answer: value.toString() }], proof };
  }

  private async proveAccount(space: Space, address: string, field: 'balance' | 'nonce'): Promise<Proved<bigint>> {
    const bytes = accountBytes(space, address);
    return this.withGateways(addressKeyOf(space, address), async (request, ctx) => {
      const [account] = await proveAccountsViaGateway({ request, headers: ctx.headers }, ctx.epoch, [{ address: bytes, space }]);
      return { value: account![field], anchor: account! };
    });
  }

  private async proveToken(space: Space, token: string, owner: string): Promise<Proved<bigint>> {
    const network = this.deps.pool.network;
    const tokenKey = addressKeyOf(space, token);
    const stored = await this.deps.slots.get(network, space, tokenKey);
    if (stored !== undefined && 'none' in stored) return { ok: false, fallback: undefined };
    const contract = { address: accountBytes(space, token), space };
    const holder = accountBytes(space, owner);
    return this.withGateways(addressKeyOf(space, owner), async (request, ctx) => {
      const prove = async (slots: readonly Uint8Array[]) => proveStorageViaGateway({ request, headers: ctx.headers }, ctx.epoch, contract, slots);
      let location: { index: number; layout: MappingLayout } | undefined = stored;
      if (location === undefined) {
        const expected = await this.balanceOfAt(space, token, owner, ctx.epoch);
        if (expected === undefined) return undefined;
        let anchor: ProofAnchor | undefined;
        const found = await locateBalanceSlot(holder, expected, async (slots) => {
          const values = await prove(slots);
          anchor = values[0];
          return values.map((v) => v.value);
        });
        if (!found.found) {
          // A zero balance decides nothing (every unused slot matches): try again with the next read.
          if (found.reason !== 'zero_balance') await this.deps.slots.put(network, space, tokenKey, { none: found.reason });
          return undefined;
        }
        location = { index: found.index, layout: found.layout };
        await this.deps.slots.put(network, space, tokenKey, location);
        return { value: expected, anchor: anchor! };
      }
      const [slot] = await prove([mappingSlot(holder, location.index, location.layout)]);
      return { value: slot!.value, anchor: slot! };
    });
  }

  /** `balanceOf(owner)` from the nodes at `epoch` (cross-checked when possible); undefined on a conflict. */
  private async balanceOfAt(space: Space, token: string, owner: string, epoch: number): Promise<bigint | undefined> {
    const data = `0x70a08231${addressKeyOf(space, owner).slice(2).padStart(64, '0')}` as Hex;
    const tag = toQuantity(epoch);
    const read = await crossCheckedRead(this.deps.pool, {
      space,
      epoch,
      what: 'contract call',
      addressKey: addressKeyOf(space, owner),
      banReason: 'wrong_call_result',
      show: (v: string) => v.toLowerCase(),
      ask: async (client, _node, signal) => (space === 'core' ? await client.request('cfx_call', [{ to: token, data }, tag], { signal }) : await client.request('eth_call', [{ to: token, data }, tag], { signal })) as string,
    });
    if (read.trust === 'conflict' || read.value === undefined || !/^0x[0-9a-fA-F]{64}$/.test(read.value)) return undefined;
    // One operator's word could steer the location to another address-keyed slot (a permit nonce,
    // say) whose proved value would then be shown as a verified balance: only a cross-checked
    // balanceOf may locate a slot — single-source only on the local network, the user's own node.
    if (read.trust !== 'cross-checked' && this.deps.pool.network !== 'local') return undefined;
    return BigInt(read.value);
  }

  /**
   * Runs `prove` through the address's gateways in turn until one gives a proof. `prove` returns
   * undefined when the value cannot be proved this way at all (then no gateway is tried further).
   */
  private async withGateways<T>(addressKey: string, prove: (request: GatewayRequest, ctx: { epoch: number; headers: VerifiedHeaderSource }) => Promise<{ value: T; anchor: ProofAnchor } | undefined>): Promise<Proved<T>> {
    const gateways = this.deps.pool.candidates('gateway', { addressKey });
    const configured = this.deps.pool.list('gateway');
    if (configured.length === 0) return { ok: false, fallback: undefined };
    const banned: string[] = configured.filter((g) => g.ban !== undefined && !gateways.some((c) => c.id === g.endpoint.id)).map((g) => g.endpoint.label);
    const unavailable: string[] = [];
    const anchor = gateways.length > 0 ? await this.deps.anchor().catch(() => null) : null;
    if (anchor !== null && anchor.finalized.height >= PROOF_EPOCH_LAG) {
      const ctx = { epoch: anchor.finalized.height - PROOF_EPOCH_LAG, headers: anchor.headers };
      for (const gateway of gateways) {
        const started = this.deps.now();
        try {
          const result = await prove(this.deps.request(gateway), ctx);
          this.deps.pool.noteOutcome(gateway.id, { ok: true, latencyMs: this.deps.now() - started });
          if (result === undefined) return { ok: false, fallback: undefined };
          return { ok: true, value: result.value, anchor: result.anchor, gateway, finalized: anchor.finalized };
        } catch (error) {
          if (isSourceFault(error)) {
            this.deps.pool.ban(gateway.id, 'bad_state_proof', 'proven_lie', banEvidence(error, ctx.epoch));
            banned.push(gateway.label);
          } else {
            this.deps.pool.noteOutcome(gateway.id, { ok: false, code: error instanceof WayfarerError ? error.code : 'internal' });
            unavailable.push(gateway.label);
          }
        }
      }
    } else unavailable.push(...gateways.map((g) => g.label));
    return { ok: false, fallback: banned.length > 0 ? { reason: 'banned', gateways: banned } : { reason: 'unavailable', gateways: unavailable } };
  }
}

/** One factual sentence: what failed, in which request, at which epoch — no address or key. */
function banEvidence(error: WayfarerError & { evidence: { request: string } | null }, epoch: number): string {
  const part = (error as { part?: unknown }).part;
  return `${error.evidence?.request ?? 'proof material'} at epoch ${epoch}: ${error.code}${typeof part === 'string' ? ` (${part})` : ''}`;
}

function withFallback<T>(value: TrustedValue<T>, fallback: ProofFallback | undefined): TrustedValue<T> {
  return fallback === undefined ? value : { ...value, fallback };
}
