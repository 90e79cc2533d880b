import { describe, expect, test } from 'vitest';
import { planCrossSpaceTransfer, transferRecordToJson } from '../../../core/crossspace/index.js';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { memoryArea } from '../storage-area.js';
import { TransferRecords } from './records.js';

const NET = { coreChainId: 1029, espaceChainId: 1030 };
const CORE = encodeCfxAddress('0x1a2f80341409639ea6a35bbcab8299066109aa55', 1029);
const ESPACE = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const H = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

describe('TransferRecords', () => {
  test('records are kept per network, newest first, replaced by id; unreadable entries are left out', async () => {
    const area = memoryArea();
    const records = new TransferRecords(area);
    const back = planCrossSpaceTransfer({ kind: 'espace_to_core', from: ESPACE, to: CORE, amount: 10n ** 18n }, { network: NET, ownCoreAccounts: [CORE] });
    const out = planCrossSpaceTransfer({ kind: 'core_to_espace', from: CORE, to: ESPACE, amount: 5n }, { network: NET, ownCoreAccounts: [CORE] });
    await records.put('mainnet', { record: transferRecordToJson('a', back, [H(1)], 1000), accountId: 'acc' });
    await records.put('mainnet', { record: transferRecordToJson('b', out, [H(2)], 2000), accountId: 'acc' });
    await records.put('mainnet', { record: transferRecordToJson('a', back, [H(1), H(3)], 1000), accountId: 'acc' });
    await area.set('crossspace.transfers.mainnet', [...((await area.get('crossspace.transfers.mainnet')) as unknown[]), { record: { version: 9 }, accountId: 'acc' }, 'junk']);
    const list = await records.list('mainnet');
    expect(list.map((t) => t.record.id)).toEqual(['b', 'a']);
    expect((await records.get('mainnet', 'a'))!.record.hashes).toEqual([H(1), H(3)]);
    expect((await records.get('mainnet', 'a'))!.plan.drafts.map((d) => d.step)).toEqual(['fund_mapped', 'withdraw_from_mapped']);
    expect(await records.list('testnet')).toEqual([]);
  });
});
