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
