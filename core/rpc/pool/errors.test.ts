import { describe, expect, test } from 'vitest';
import { NoNodeAvailableError } from './errors.js';

describe('NoNodeAvailableError', () => {
  test('with no node asked, it tells "none configured" from "configured but none reachable"', () => {
    expect(new NoNodeAvailableError('core', 'mainnet', [], [], 0).message).toBe('no core node is configured for mainnet');
    const offline = new NoNodeAvailableError('core', 'mainnet', [], [], 3).message;
    expect(offline).toBe('none of the 3 core nodes configured for mainnet can be reached or used right now (unreachable or banned)');
    expect(offline).not.toContain('no usable');
    expect(new NoNodeAvailableError('espace', 'testnet', [], [], 1).message).toContain('the 1 espace node configured');
    expect(new NoNodeAvailableError('core', 'mainnet', [{ node: 'a', problem: 'timeout' }]).message).toBe('no core node on mainnet gave an acceptable answer (1 tried)');
  });
});
