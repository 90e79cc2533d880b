/** The HTTP gateway client against a working fake network: results, error objects, unreachable hosts, byte counts. */
import { describe, expect, test } from 'vitest';
import { RpcNodeError } from '../rpc/errors.js';
import { fakeNetwork, FakeRpcError } from '../rpc/testing/fake-fetch.js';
import { httpGatewayRequest } from './http-request.js';

const URL_ = 'http://127.0.0.1:12539/';

describe('httpGatewayRequest', () => {
  test('sends the call as JSON-RPC and resolves to its result; counts requests and bytes', async () => {
    const network = fakeNetwork({ [URL_]: (method, params) => ({ method, params }) });
    const gateway = httpGatewayRequest({ url: URL_, fetch: network.fetch });
    expect(await gateway.request('clp_getStateRoots', [['0x7d0']])).toEqual({ method: 'clp_getStateRoots', params: [['0x7d0']] });
    expect(network.calls.get(URL_)).toEqual(['clp_getStateRoots']);
    expect(gateway.stats.requests).toBe(1);
    expect(gateway.stats.bytesReceived).toBeGreaterThan(0);
  });

  test('a JSON-RPC error object rejects with its code; an unreachable gateway rejects', async () => {
    const limited = httpGatewayRequest({ url: URL_, fetch: fakeNetwork({ [URL_]: () => Promise.reject(new FakeRpcError(-32005, 'limit exceeded')) }).fetch });
    await expect(limited.request('clp_getStateEntries', ['0x1', []])).rejects.toSatisfy((e) => e instanceof RpcNodeError && e.rpcCode === -32005);
    const down = httpGatewayRequest({ url: URL_, fetch: fakeNetwork({}).fetch });
    await expect(down.request('clp_getWitnessInfo', [['0x1']])).rejects.toBeTruthy();
  });
});
