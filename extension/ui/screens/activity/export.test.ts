import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { activityCsv } from './export.js';
import type { ReceivedItem, TxItem } from '../../model/wallet.js';

const HASH = `0x${'ab'.repeat(32)}`;
const ME = 'cfx:aak2rra2njvd77ezwjvx04kkds9fzagfe6ku8scz91';
const ALICE = 'cfx:aajg4wt2mbmbb44sp6szd783ry0jtad5bea80xdy7p';

describe('activity CSV export', () => {
  test('sent and received rows with amounts as shown, contact names, explorer links on mainnet', () => {
    const sent: TxItem[] = [{ hash: HASH, space: 'core', direction: 'out', status: 'verified', from: ME, to: ALICE, value: 1_500_000_000_000_000_000n, symbol: 'CFX', decimals: 18, fee: 21_000_000_000_000n, timestamp: Date.UTC(2026, 0, 2, 3, 4, 5), trust: { level: 'verified' } }];
    const received: ReceivedItem[] = [
      { kind: 'token', id: 't', symbol: '=WAY', decimals: 6, amount: 12_500_000n, from: ALICE, epoch: 77, transactionHash: HASH, trust: { level: 'verified' } },
      { kind: 'balance_increase', id: 'b', amount: 3n * 10n ** 18n, fromEpoch: 5, toEpoch: 9, trust: { level: 'cross-checked' } },
    ];
    const text = activityCsv(sent, received, { network: 'mainnet', space: 'core', address: ME, labelOf: (a) => (a === ALICE ? 'Alice, "A"' : undefined) });
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ time_utc: '2026-01-02T03:04:05.000Z', direction: 'out', kind: 'cfx', amount: '1.5', to: ALICE, to_label: 'Alice, "A"', fee_cfx: '0.000021', explorer_url: `https://confluxscan.org/tx/${HASH}` });
    // A symbol a contract chose cannot become a spreadsheet formula.
    expect(rows[1]).toMatchObject({ direction: 'in', kind: 'token', asset: "'=WAY", amount: '12.5', from_label: 'Alice, "A"', to: ME });
    expect(rows[2]).toMatchObject({ kind: 'balance_increase', amount: '3', status: 'epochs 5-9', trust: 'cross-checked', explorer_url: '' });
  });

  test('a local network has no explorer links', () => {
    const text = activityCsv([], [{ kind: 'token', id: 't', symbol: 'W', decimals: 0, amount: 1n, from: ALICE, epoch: 1, transactionHash: HASH, trust: { level: 'verified' } }], { network: 'local', space: 'core', address: ME, labelOf: () => undefined });
    expect((parse(text, { bom: true, columns: true }) as Record<string, string>[])[0]!.explorer_url).toBe('');
  });
});
