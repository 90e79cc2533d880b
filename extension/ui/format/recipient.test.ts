import { describe, expect, test } from 'vitest';
import { encodeCfxAddress } from '../../../core/address/cip37.js';
import { toChecksumAddress } from '../../../core/address/eip55.js';
import { checkRecipient, type RecipientContext } from './recipient.js';

const user = '0x1a2f80341409639ea6a35bbcab8299066109aa55';
const other = '0x1000000000000000000000000000000000000001';
const contract = '0x8000000000000000000000000000000000000002';
const builtin = '0x0888000000000000000000000000000000000002';
const core: RecipientContext = { space: 'core', networkId: 1029, fromHex: user, ownAccounts: new Map([[user, 'Main'], ['0x1b00000000000000000000000000000000000000', 'Savings']]) };
const espace: RecipientContext = { space: 'espace', networkId: 1030, fromHex: '0xfcad0b19bb29d4674531d6f115237e16afce377c', ownAccounts: new Map() };

describe('checkRecipient on Core space', () => {
  test('accepts a CIP-37 address on the same network, with no warnings', () => {
    const result = checkRecipient(`  ${encodeCfxAddress(other, 1029)}  `, core);
    expect(result).toEqual({ ok: true, hex: other, display: encodeCfxAddress(other, 1029), warnings: [] });
  });

  test('accepts the verbose upper-case form', () => {
    const result = checkRecipient(encodeCfxAddress(other, 1029, { verbose: true }), core);
    expect(result.ok).toBe(true);
  });

  test('refuses an address of another network', () => {
    const result = checkRecipient(encodeCfxAddress(other, 1), core);
    expect(result).toMatchObject({ ok: false, problem: 'wrong_network' });
    expect(!result.ok && result.message).toContain('Conflux testnet');
  });

  test('refuses a checksum typo', () => {
    const good = encodeCfxAddress(other, 1029);
    const typo = good.slice(0, -1) + (good.endsWith('a') ? 'b' : 'a');
    expect(checkRecipient(typo, core)).toMatchObject({ ok: false, problem: 'invalid', message: expect.stringContaining('typo') });
  });

  test('warns about contracts, built-ins, own accounts and the sender itself', () => {
    const kinds = (input: string) => {
      const result = checkRecipient(input, core);
      return result.ok ? result.warnings.map((w) => w.kind) : result.problem;
    };
    expect(kinds(encodeCfxAddress(contract, 1029))).toEqual(['contract']);
    expect(kinds(encodeCfxAddress(builtin, 1029))).toEqual(['builtin']);
    expect(kinds(encodeCfxAddress('0x1b00000000000000000000000000000000000000', 1029))).toEqual(['own_address']);
    expect(kinds(encodeCfxAddress(user, 1029))).toEqual(['same_account']);
  });

  test('a hex address is accepted with a warning and shown as CIP-37', () => {
    const result = checkRecipient(other, core);
    expect(result).toMatchObject({ ok: true, display: encodeCfxAddress(other, 1029) });
    expect(result.ok && result.warnings.map((w) => w.kind)).toEqual(['hex_on_core']);
  });

  test('a hex address that cannot exist on Core is refused', () => {
    expect(checkRecipient('0xfcad0b19bb29d4674531d6f115237e16afce377c', core)).toMatchObject({ ok: false, problem: 'invalid' });
  });

  test('the zero address is refused', () => {
    expect(checkRecipient(encodeCfxAddress('0x' + '00'.repeat(20), 1029), core)).toMatchObject({ ok: false, problem: 'null_address' });
  });

  test('empty and garbage input', () => {
    expect(checkRecipient('   ', core)).toMatchObject({ ok: false, problem: 'empty' });
    expect(checkRecipient('hello', core)).toMatchObject({ ok: false, problem: 'invalid' });
  });
});

describe('checkRecipient on eSpace', () => {
  test('accepts lower-case and checksummed hex and displays EIP-55', () => {
    const lower = '0x52908400098527886e0f7030069857d2e4169ee7';
    expect(checkRecipient(lower, espace)).toEqual({ ok: true, hex: lower, display: toChecksumAddress(lower), warnings: [] });
    expect(checkRecipient(toChecksumAddress(lower), espace).ok).toBe(true);
  });

  test('refuses a wrong EIP-55 checksum', () => {
    const bad = toChecksumAddress('0x52908400098527886e0f7030069857d2e4169ee7').replace('E', 'e');
    expect(checkRecipient(bad, espace)).toMatchObject({ ok: false, problem: 'invalid', message: expect.stringContaining('typo') });
  });

  test('refuses a Core address', () => {
    expect(checkRecipient(encodeCfxAddress(other, 1029), espace)).toMatchObject({ ok: false, problem: 'wrong_space' });
  });

  test('warns when sending to oneself', () => {
    const result = checkRecipient(espace.fromHex, espace);
    expect(result.ok && result.warnings.map((w) => w.kind)).toEqual(['same_account']);
  });
});
