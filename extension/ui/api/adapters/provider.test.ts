import { expect, test } from 'vitest';
import { approvalsFromApi, sitesFromApi } from './provider.js';

test('a site connected on both spaces becomes two rows', () => {
  const rows = sitesFromApi([
    { origin: 'https://b.example', core: null, espace: { addresses: ['0xabc'], date: 2 } },
    { origin: 'https://a.example', core: { addresses: ['cfx:aa'], date: 1 }, espace: { addresses: ['0xdef'], date: 3 } },
  ]);
  expect(rows).toEqual([
    { origin: 'https://a.example', space: 'core', accounts: ['cfx:aa'], connectedAt: 1 },
    { origin: 'https://a.example', space: 'espace', accounts: ['0xdef'], connectedAt: 3 },
    { origin: 'https://b.example', space: 'espace', accounts: ['0xabc'], connectedAt: 2 },
  ]);
});

test('approvals get a plain summary', () => {
  const [a] = approvalsFromApi([{ id: 'f'.repeat(32), origin: 'https://dapp.example', kind: 'transaction', space: 'espace', createdAt: 5 }]);
  expect(a).toEqual({ id: 'f'.repeat(32), origin: 'https://dapp.example', kind: 'transaction', summary: 'Send a transaction (eSpace)', createdAt: 5 });
});
