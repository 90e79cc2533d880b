import { describe, expect, it } from 'vitest';
import { LightClientError, anotherNodeMaySucceed } from './errors.js';

describe('anotherNodeMaySucceed', () => {
  it('holds for every kind that proves the serving node wrong', () => {
    for (const kind of ['bad_signature', 'malformed', 'bad_header_hash', 'bad_receipts_root'] as const) {
      expect(new LightClientError(kind, 'x').nodeAtFault).toBe(true);
      expect(anotherNodeMaySucceed(kind)).toBe(true);
    }
  });

  it('holds for what an honest node may lack, without blaming it', () => {
    for (const kind of ['missing', 'stale', 'espace_base_price_unknown', 'not_included'] as const) {
      expect(new LightClientError(kind, 'x').nodeAtFault).toBe(false);
      expect(anotherNodeMaySucceed(kind)).toBe(true);
    }
  });

  it('does not hold for properties of the chain or the request', () => {
    for (const kind of ['not_finalized', 'blamed_header', 'unprovable_receipt'] as const) {
      expect(anotherNodeMaySucceed(kind)).toBe(false);
    }
  });
});
