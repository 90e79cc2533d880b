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

  test('unanswered only when every node asked failed to answer at all, none refused or lied', () => {
    const timeout = { node: 'a', problem: 'timeout', verdict: 'unhealthy' } as const;
    expect(new NoNodeAvailableError('core', 'mainnet', [timeout, { ...timeout, node: 'b' }]).unanswered).toBe(true);
    expect(new NoNodeAvailableError('core', 'mainnet', [timeout, { node: 'b', problem: 'banned: forged header', verdict: 'ban' }]).unanswered).toBe(false);
    expect(new NoNodeAvailableError('core', 'mainnet', [timeout, { node: 'b', problem: 'node error -32602', verdict: 'declined' }]).unanswered).toBe(false);
    // A verification failure carries no pool verdict: not a poor link.
    expect(new NoNodeAvailableError('core', 'mainnet', [timeout, { node: 'b', problem: 'bad_signature' }]).unanswered).toBe(false);
    // Nobody asked: nothing to say about the link (none configured, or all banned).
    expect(new NoNodeAvailableError('core', 'mainnet', [], [], 2).unanswered).toBe(false);
  });
});
