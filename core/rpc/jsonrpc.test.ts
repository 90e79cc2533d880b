import { describe, expect, test } from 'vitest';
import { RpcBadEnvelopeError, RpcBatchMismatchError } from './errors.js';
import { parseBatchResponse, parseSingleResponse, type JsonRpcRequest } from './jsonrpc.js';

const req = (id: number, method = 'cfx_epochNumber'): JsonRpcRequest => ({ jsonrpc: '2.0', id, method, params: [] });

describe('single responses', () => {
  test('result and error outcomes', () => {
    expect(parseSingleResponse({ jsonrpc: '2.0', id: 5, result: '0x1' }, req(5), 'e')).toEqual({ ok: true, result: '0x1' });
    expect(parseSingleResponse({ jsonrpc: '2.0', id: 5, error: { code: -32602, message: 'bad', data: 'x' } }, req(5), 'e')).toEqual({ ok: false, error: { code: -32602, message: 'bad', data: 'x' } });
    expect(parseSingleResponse({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }, req(5), 'e').ok).toBe(false);
  });
  test.each([
    ['not an object', 'hello'],
    ['no version', { id: 5, result: 1 }],
    ['both', { jsonrpc: '2.0', id: 5, result: 1, error: { code: 1, message: 'x' } }],
    ['neither', { jsonrpc: '2.0', id: 5 }],
    ['error without code', { jsonrpc: '2.0', id: 5, error: { message: 'x' } }],
  ])('rejects %s', (_, body) => expect(() => parseSingleResponse(body, req(5), 'e')).toThrow(RpcBadEnvelopeError));
  test('a foreign id is a mismatch', () => {
    expect(() => parseSingleResponse({ jsonrpc: '2.0', id: 6, result: '0x1' }, req(5), 'e')).toThrow(RpcBatchMismatchError);
    expect(() => parseSingleResponse([{ jsonrpc: '2.0', id: 5, result: '0x1' }], req(5), 'e')).toThrow(RpcBatchMismatchError);
  });
});

describe('batch responses', () => {
  const requests = [req(1), req(2), req(3)];
  test('answers in any order come back in request order', () => {
    const body = [3, 1, 2].map((id) => ({ jsonrpc: '2.0', id, result: `0x${id}` }));
    expect(parseBatchResponse(body, requests, 'e')).toEqual([1, 2, 3].map((id) => ({ ok: true, result: `0x${id}` })));
  });
  test.each([
    ['missing answer', [1, 2]],
    ['duplicate id', [1, 1, 2]],
    ['unknown id', [1, 2, 4]],
  ])('rejects %s', (_, ids) => {
    const body = ids.map((id) => ({ jsonrpc: '2.0', id, result: '0x0' }));
    expect(() => parseBatchResponse(body, requests, 'e')).toThrow(RpcBatchMismatchError);
  });
  test('one error object for the whole batch applies to every entry', () => {
    const outcomes = parseBatchResponse({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batch not supported' } }, requests, 'e');
    expect(outcomes.every((o) => !o.ok)).toBe(true);
  });
});
