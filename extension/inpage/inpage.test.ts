import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Space } from '../../core/space.js';
import type { ProviderEventName } from '../shared/provider-protocol.js';
import { uuidV4 } from './eip6963.js';
import { createEmitter } from './emitter.js';
import { ICON_SVG } from './icon.js';
import { createProvider, STATE_METHOD } from './provider.js';
import { ProviderRpcError, type EventHandler, type Transport } from './transport.js';

/** A transport that records requests and answers from a table; events are pushed by the test. */
function recordingTransport(answers: Record<string, unknown> = {}) {
  const calls: { space: Space; method: string; params: unknown }[] = [];
  const handlers: Record<Space, EventHandler[]> = { core: [], espace: [] };
  const transport: Transport = {
    request(space, method, params) {
      calls.push({ space, method, params });
      if (method in answers) return Promise.resolve(answers[method]);
      return Promise.reject(new ProviderRpcError({ code: 4200, message: `no ${method}` }));
    },
    onEvent(space, handler) {
      handlers[space].push(handler);
    },
  };
  const push = (space: Space, name: ProviderEventName, data: unknown) => handlers[space].forEach((h) => h(name, data));
  return { transport, calls, push };
}

type Provider = {
  request(a: unknown): Promise<unknown>;
  on(e: string, f: (...a: unknown[]) => void): unknown;
  removeListener(e: string, f: (...a: unknown[]) => void): unknown;
  send(a: unknown, b?: unknown): unknown;
  sendAsync(a: unknown, cb: (e: unknown, r: unknown) => void): void;
  readonly chainId: string | undefined;
  readonly selectedAddress: string | null;
  isFluent?: boolean;
};

const make = (answers: Record<string, unknown> = {}) => {
  const t = recordingTransport(answers);
  const provider = createProvider({ space: 'core', transport: t.transport, requestAccountsMethod: 'cfx_requestAccounts', flags: { isFluent: true, isWayfarer: true } }) as Provider;
  return { ...t, provider };
};

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('inpage provider', () => {
  test('nothing is sent to the wallet until the page uses the provider', async () => {
    const { calls, provider } = make();
    expect(provider.isFluent).toBe(true);
    expect(Object.keys(provider)).toContain('isFluent'); // use-wallet looks for it with Object.keys
    await flush();
    expect(calls).toEqual([]);
  });

  test('request() validates its argument before anything is sent', async () => {
    const { calls, provider } = make();
    for (const bad of [undefined, 'cfx_chainId', [], { method: 1 }, { method: '' }, { method: 'x', params: 'y' }, { method: 'x', params: 5 }]) {
      await expect(provider.request(bad)).rejects.toMatchObject({ code: -32600 });
    }
    expect(calls).toEqual([]);
  });

  test('the first use fetches the provider state; events keep it current', async () => {
    const { calls, provider, push } = make({ [STATE_METHOD]: { chainId: '0x405', networkVersion: '1029', accounts: ['cfx:acc'] }, cfx_chainId: '0x405' });
    const connects: unknown[] = [];
    provider.on('connect', (info) => connects.push(info));
    await flush();
    expect(calls[0]).toEqual({ space: 'core', method: STATE_METHOD, params: undefined });
    expect(provider.chainId).toBe('0x405');
    expect(provider.selectedAddress).toBe('cfx:acc');
    expect(connects).toEqual([{ chainId: '0x405' }]);
    const seen: unknown[] = [];
    const onChain = (c: unknown) => seen.push(['chain', c]);
    provider.on('chainChanged', onChain);
    provider.on('networkChanged', (n) => seen.push(['network', n]));
    provider.on('accountsChanged', (a) => seen.push(['accounts', a]));
    push('core', 'chainChanged', '0x1');
    push('core', 'chainChanged', '0x1'); // no change, no event
    push('core', 'chainChanged', 'garbage');
    push('core', 'accountsChanged', []);
    push('espace', 'chainChanged', '0x406'); // another space's event
    provider.removeListener('chainChanged', onChain);
    push('core', 'chainChanged', '0x405');
    expect(seen).toEqual([['chain', '0x1'], ['network', '1'], ['accounts', []], ['network', '1029']]);
    expect(provider.chainId).toBe('0x405');
    expect(provider.selectedAddress).toBeNull();
  });

  test('disconnect: the page is told once and later requests fail with 4900', async () => {
    const { provider, push } = make();
    const errors: { code?: number }[] = [];
    provider.on('disconnect', (e) => errors.push(e as { code?: number }));
    push('core', 'disconnect', 'gone');
    expect(errors.map((e) => e.code)).toEqual([4900]);
    await expect(provider.request({ method: 'cfx_chainId' })).rejects.toMatchObject({ code: 4900 });
  });

  test('legacy send/sendAsync return JSON-RPC responses', async () => {
    const { provider } = make({ cfx_chainId: '0x405', [STATE_METHOD]: { chainId: '0x405', networkVersion: '1029', accounts: [] } });
    expect(await provider.send('cfx_chainId')).toEqual({ id: 1, jsonrpc: '2.0', result: '0x405' });
    const response = await new Promise((resolve) => provider.sendAsync([{ id: 7, method: 'cfx_chainId' }, { id: 8, method: 'nope' }], (_e, r) => resolve(r)));
    expect(response).toEqual([
      { id: 7, jsonrpc: '2.0', result: '0x405' },
      { id: 8, jsonrpc: '2.0', error: { code: 4200, message: 'no nope' } },
    ]);
  });

  test('the provider object is frozen', () => {
    const { provider } = make();
    expect(Object.isFrozen(provider)).toBe(true);
    expect(() => {
      (provider as unknown as Record<string, unknown>)['request'] = () => 'hijacked';
    }).toThrow(TypeError);
  });
});

describe('emitter', () => {
  test('once, off, and a throwing listener that does not stop the others', async () => {
    const emitter = createEmitter();
    const seen: string[] = [];
    const once = () => seen.push('once');
    emitter.once('e', once);
    emitter.on('e', () => {
      throw new Error('listener bug');
    });
    emitter.on('e', () => seen.push('after'));
    const uncaught: unknown[] = [];
    const onError = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onError);
    emitter.emit('e');
    emitter.emit('e');
    await new Promise((r) => setTimeout(r, 10));
    process.off('uncaughtException', onError);
    expect(seen).toEqual(['once', 'after', 'after']);
    expect(uncaught).toHaveLength(2);
    emitter.once('f', once);
    emitter.off('f', once);
    emitter.emit('f');
    expect(emitter.count('f')).toBe(0);
  });

  test('listeners per event are bounded', () => {
    const emitter = createEmitter();
    for (let i = 0; i < 1000; i++) emitter.on('e', () => undefined);
    expect(() => emitter.on('e', () => undefined)).toThrow(RangeError);
  });
});

describe('EIP-6963 identity', () => {
  test('uuid v4 from random bytes (version and variant bits set)', () => {
    expect(uuidV4((a) => a.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4((a) => a.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });

  test('the announced icon is the extension icon', () => {
    expect(ICON_SVG).toBe(readFileSync(resolve(import.meta.dirname, '../public/icons/icon.svg'), 'utf8'));
  });
});
