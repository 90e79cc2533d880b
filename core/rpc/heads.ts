/**
 * Watching the chain advance: new Core epochs or eSpace blocks, pushed by a WebSocket
 * subscription when the node offers one (`cfx_subscribe('epochs')`, `eth_subscribe('newHeads')`),
 * polled over HTTP otherwise — and polled again when a subscription ends.
 *
 * Heads are hints, not facts: a node can announce epochs that do not exist. They only tell the
 * wallet *when* to look again; what it then believes goes through the light client and the
 * cross-checks. Numbers are reported only when they increase.
 * @module
 */
import type { RpcClient } from './client.js';
import type { Clock } from './clock.js';
import { RpcError } from './errors.js';
import { coreEpochNotificationSchema } from './schema/core.js';
import { quantity, object } from './schema/validators.js';
import { WebSocketTransport } from './transport/websocket.js';

export type Space = 'core' | 'espace';

export interface HeadWatcherOptions {
  space: Space;
  /** Client used for polling (HTTP or WebSocket). */
  pollClient: RpcClient;
  /** Client over a WebSocketTransport, when the node has a WebSocket endpoint. */
  subscribeClient?: RpcClient;
  clock: Clock;
  pollIntervalMs?: number;
  onHead(number: number, via: 'subscription' | 'poll'): void;
  /** Failures are reported, never thrown (watching is best effort). */
  onError?(error: unknown): void;
}

const ethHeadSchema = object({ number: quantity(64) });

export class HeadWatcher {
  private readonly options: HeadWatcherOptions;
  private readonly pollIntervalMs: number;
  private last = -1;
  private timer: unknown;
  private stopped = true;
  private unlisten: (() => void) | undefined;
  private subscribed = false;

  constructor(options: HeadWatcherOptions) {
    this.options = options;
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
  }

  /** Highest number seen so far (−1 before the first). */
  get latest(): number {
    return this.last;
  }

  get mode(): 'subscription' | 'poll' {
    return this.subscribed ? 'subscription' : 'poll';
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.options.subscribeClient && (await this.trySubscribe(this.options.subscribeClient))) return;
    this.schedulePoll(0);
  }

  stop(): void {
    this.stopped = true;
    this.unlisten?.();
    this.unlisten = undefined;
    this.subscribed = false;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async trySubscribe(client: RpcClient): Promise<boolean> {
    const transport = client.transport;
    if (!(transport instanceof WebSocketTransport)) return false;
    try {
      const id = this.options.space === 'core' ? await client.request('cfx_subscribe', ['epochs']) : await client.request('eth_subscribe', ['newHeads']);
      if (this.stopped) return true;
      this.unlisten = transport.listen(id, {
        onEvent: (result) => {
          try {
            const n = this.options.space === 'core' ? coreEpochNotificationSchema.parse(result, 'notification').epochNumber : ethHeadSchema.parse(result, 'notification').number;
            this.emit(Number(BigInt(n)), 'subscription');
          } catch (error) {
            this.options.onError?.(error);
          }
        },
        onEnd: (error) => {
          this.subscribed = false;
          this.unlisten = undefined;
          this.options.onError?.(error);
          if (!this.stopped) this.schedulePoll(0);
        },
      });
      this.subscribed = true;
      return true;
    } catch (error) {
      this.options.onError?.(error);
      return false;
    }
  }

  private schedulePoll(delayMs: number): void {
    if (this.stopped || this.subscribed) return;
    this.timer = this.options.clock.setTimeout(() => void this.poll(), delayMs);
  }

  private async poll(): Promise<void> {
    try {
      const n = this.options.space === 'core' ? await this.options.pollClient.request('cfx_epochNumber', ['latest_mined']) : await this.options.pollClient.request('eth_blockNumber', []);
      this.emit(Number(BigInt(n)), 'poll');
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      this.options.onError?.(error);
    }
    this.schedulePoll(this.pollIntervalMs);
  }

  private emit(n: number, via: 'subscription' | 'poll'): void {
    if (n <= this.last) return;
    this.last = n;
    this.options.onHead(n, via);
  }
}
