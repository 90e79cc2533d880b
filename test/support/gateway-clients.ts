/**
 * Wallet-side transports to a proof gateway for tests and benchmarks: JSON-RPC over HTTP (one
 * request per call) and over one WebSocket (calls multiplexed by id). Both count bytes.
 */
import WebSocket from 'ws';
import type { GatewayRequest } from '../../core/proofgateway/client.js';

export interface CountingRequest extends GatewayRequest {
  readonly stats: { calls: number; bytesSent: number; bytesReceived: number };
  close(): void;
}

class RpcFailure extends Error {
  constructor(readonly code: number, message: string) {
    super(`${message} (${code})`);
  }
}

export function httpGateway(url: string): CountingRequest {
  const stats = { calls: 0, bytesSent: 0, bytesReceived: 0 };
  let id = 0;
  const request = async (method: string, params: readonly unknown[]) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params });
    stats.calls++;
    stats.bytesSent += body.length;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    stats.bytesReceived += text.length;
    const answer = JSON.parse(text) as { result?: unknown; error?: { code: number; message: string } };
    if (answer.error !== undefined) throw new RpcFailure(answer.error.code, answer.error.message);
    return answer.result;
  };
  return Object.assign(request, { stats, close: () => undefined });
}

export async function wsGateway(url: string, options: { localAddress?: string } = {}): Promise<CountingRequest> {
  const socket = new WebSocket(url, options.localAddress === undefined ? {} : { localAddress: options.localAddress });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const stats = { calls: 0, bytesSent: 0, bytesReceived: 0 };
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  socket.on('message', (data) => {
    const text = data.toString();
    stats.bytesReceived += text.length;
    const answer = JSON.parse(text) as { id: number; result?: unknown; error?: { code: number; message: string } };
    const p = pending.get(answer.id);
    if (p === undefined) return;
    pending.delete(answer.id);
    if (answer.error !== undefined) p.reject(new RpcFailure(answer.error.code, answer.error.message));
    else p.resolve(answer.result);
  });
  socket.on('close', () => {
    for (const p of pending.values()) p.reject(new Error('socket closed'));
    pending.clear();
  });
  let id = 0;
  const request = (method: string, params: readonly unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const n = ++id;
      const body = JSON.stringify({ jsonrpc: '2.0', id: n, method, params });
      stats.calls++;
      stats.bytesSent += body.length;
      pending.set(n, { resolve, reject });
      socket.send(body);
    });
  return Object.assign(request, { stats, close: () => socket.close() });
}
