import { describe, expect, it } from 'vitest';
import { trustDetail } from './trust.js';

describe('trustDetail', () => {
  it('counts agreeing nodes when several answered', () => {
    expect(trustDetail({ level: 'cross-checked', sources: 3, agreeing: 3, epoch: 1204 })).toBe('3 of 3 nodes agreed at epoch 1,204.');
    expect(trustDetail({ level: 'conflict', sources: 3, agreeing: 2 })).toBe('2 of 3 nodes agreed.');
  });

  it('says plainly that a single answer was not cross-checked', () => {
    expect(trustDetail({ level: 'unknown', sources: 1, agreeing: 1, epoch: 80 })).toBe('Only one node answered at epoch 80.');
    // The single-source level's own sentence already says so; the detail only adds the epoch.
    const detail = trustDetail({ level: 'single-source', sources: 1, agreeing: 1, epoch: 80 });
    expect(detail).toBe('Read at epoch 80.');
    expect(detail).not.toContain('agreed');
  });

  it('says when no node answered', () => {
    expect(trustDetail({ level: 'unknown', sources: 0, agreeing: 0 })).toBe('No node answered.');
  });

  it('falls back to how many nodes were asked when agreement is not known', () => {
    expect(trustDetail({ level: 'unknown', sources: 1 })).toBe('1 node asked.');
    expect(trustDetail({ level: 'unknown', sources: 2 })).toBe('2 nodes asked.');
  });

  it('joins the numbers with the background’s own detail', () => {
    expect(trustDetail({ level: 'conflict', sources: 3, agreeing: 2, detail: 'No majority.' })).toBe('2 of 3 nodes agreed. No majority.');
    expect(trustDetail({ level: 'verified', detail: 'Proved.' })).toBe('Proved.');
    expect(trustDetail({ level: 'verified' })).toBeUndefined();
  });
});

describe('trustDetail for values a proof gateway can prove', () => {
  const proof = { gateway: 'http://127.0.0.1:12539', epoch: 4120, stateRoot: '0x01', witness: { height: 4125, hash: '0x02' }, finalized: { height: 4130, hash: '0x03' } };

  it('says a proved value was proved at its epoch, without counting nodes', () => {
    expect(trustDetail({ level: 'verified', sources: 1, agreeing: 1, epoch: 4120, proof })).toBe('Proved with a Merkle proof of the account state at epoch 4,120.');
  });

  it('says why a value is the nodes’ word when a gateway was banned or unreachable', () => {
    expect(trustDetail({ level: 'single-source', sources: 1, agreeing: 1, epoch: 4130, fallback: { reason: 'banned', gateways: ['http://127.0.0.1:9'] } })).toBe(
      'Read at epoch 4,130. Proof gateway http://127.0.0.1:9 was banned: the proofs it served did not verify. This value is the nodes’ word instead.',
    );
    expect(trustDetail({ level: 'cross-checked', fallback: { reason: 'unavailable', gateways: ['a', 'b'] } })).toBe('No proof gateway could prove this value just now (a, b), so it is the nodes’ word instead.');
  });
});
