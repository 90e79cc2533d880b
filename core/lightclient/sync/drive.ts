/**
 * The IO driver of the sync state machine: sends what the machine wants, each request to the node
 * it names, several at once; feeds answers back one at a time as they arrive (so verification of
 * one answer overlaps the download of the others); passes every finding to the caller, which
 * decides about the node (ban, deprioritise) and whether to stop using it; and commits every
 * changed state (persist it) before going on. The only IO of a sync happens here.
 * @module
 */
import { LightClientError } from '../errors.js';
import type { LightClientTransport } from '../transport.js';
import type { SyncMachine } from './machine.js';
import type { PosState } from './pos-state.js';
import type { SyncReport, SyncRequest, SyncStep, Finding } from './types.js';

export interface SyncIo {
  /** The transport bound to one node. */
  transport(source: string): LightClientTransport;
  /** Called with every finding as soon as it is known; return true to stop using that node. */
  judge(finding: Finding): boolean | Promise<boolean>;
  /** Called after every change of the PoS state, before the machine goes on (persist it). */
  commit(state: PosState): Promise<void>;
}

type Settled = { id: number; ok: true; answer: unknown } | { id: number; ok: false; error: unknown };

/** Sends one request; a transport failure becomes a `missing` failure naming the call. */
function send(transport: LightClientTransport, request: SyncRequest): Promise<unknown> {
  const p = request.params;
  switch (request.method) {
    case 'pos_getStatus':
      return transport.pos_getStatus();
    case 'pos_getLedgerInfoByBlockNumber':
      return transport.pos_getLedgerInfoByBlockNumber('latest_committed');
    case 'pos_getLedgerInfoByEpoch':
      return transport.pos_getLedgerInfoByEpoch(p[0] as number);
    case 'pos_getLedgerInfosByEpoch':
      return transport.pos_getLedgerInfosByEpoch(p[0] as number, p[1] as number);
  }
}

function settle(transport: LightClientTransport, request: SyncRequest): Promise<Settled> {
  return send(transport, request).then(
    (answer) => ({ id: request.id, ok: true as const, answer }),
    (cause: unknown) => ({
      id: request.id,
      ok: false as const,
      error: new LightClientError('missing', `${request.method} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause, request: { method: request.method, params: [...request.params] } }),
    }),
  );
}

/**
 * Runs the machine until it is done, stalls (nothing to ask, nothing in flight) or `signal`
 * aborts (what was verified is committed; answers still in flight are ignored).
 * @example const report = await driveSync(new SyncMachine(client.posState, { now, sources }), io)
 */
export async function driveSync(machine: SyncMachine, io: SyncIo, signal?: AbortSignal): Promise<SyncReport> {
  const inFlight = new Map<number, Promise<Settled>>();
  const handle = async (step: SyncStep): Promise<void> => {
    for (const finding of step.findings) {
      if (await io.judge(finding)) await handle(machine.removeSource(finding.source));
    }
    if (step.changed) await io.commit(machine.state);
  };
  // An abort ends the wait for answers at once (a slow node must not hold up whoever aborted).
  const aborted = new Promise<null>((resolve) => {
    if (signal?.aborted === true) resolve(null);
    signal?.addEventListener('abort', () => resolve(null), { once: true });
  });
  while (!machine.done && signal?.aborted !== true) {
    for (const request of machine.desired()) inFlight.set(request.id, settle(io.transport(request.source), request));
    if (inFlight.size === 0) break;
    const settled = await Promise.race([...inFlight.values(), aborted]);
    if (settled === null) break;
    inFlight.delete(settled.id);
    await handle(settled.ok ? machine.accept(settled.id, settled.answer) : machine.fail(settled.id, settled.error));
  }
  return machine.report();
}
