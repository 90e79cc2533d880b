import { describe, expect, test } from 'vitest';
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { decodeHello, encodeHello } from './hello.js';
import { splitMessageId, withMessageId } from './message-id.js';
import { encodeDisconnect, encodeSessionPacket, parseSessionPacket, readDisconnect } from './packet.js';

describe('session packets', () => {
  test('layout: body, protocol id (user packets), header byte, packet id', () => {
    expect(bytesToHex(encodeSessionPacket({ kind: 'hello', body: hexToBytes('0x0103') }))).toBe('0x01030080');
    expect(bytesToHex(encodeSessionPacket({ kind: 'user', protocol: 'clp', body: hexToBytes('0x0204') }))).toBe('0x0204636c700110');
    expect(parseSessionPacket(hexToBytes('0x0204636c700110'))).toEqual({ kind: 'user', protocol: 'clp', body: hexToBytes('0x0204') });
    expect(parseSessionPacket(hexToBytes('0x01030080'))).toEqual({ kind: 'hello', body: hexToBytes('0x0103') });
  });

  test.each([
    ['empty', '0x'],
    ['only an id', '0x80'],
    ['unknown id without protocol', '0x010014'],
    ['user packet without protocol flag', '0x0010'],
    ['protocol flag on a hello', '0x636c700180'],
    ['protocol id too short', '0x6c700110'],
    ['header version 1', '0x000280'],
    ['header extension', '0x001080'],
  ])('%s is refused', (_, hex) => {
    expect(() => parseSessionPacket(hexToBytes(hex))).toThrow(expect.objectContaining({ code: 'lightproto.packet' }));
  });

  test('disconnect reasons: code byte, text for code 100', () => {
    expect(readDisconnect(encodeDisconnect({ code: 100, text: 'network id mismatch' }))).toEqual({ code: 100, text: 'network id mismatch' });
    expect(readDisconnect(Uint8Array.of(3))).toEqual({ code: 3, text: 'IP limited' });
    expect(readDisconnect(new Uint8Array(0)).code).toBe(0xff);
  });
});

describe('message ids', () => {
  test('one byte below 128, two bytes from the end above (0xfe → 01 fe)', () => {
    expect(bytesToHex(withMessageId(hexToBytes('0xc0'), 0x18))).toBe('0xc018');
    expect(bytesToHex(withMessageId(hexToBytes('0xc0'), 0xfe))).toBe('0xc001fe');
    expect(splitMessageId(hexToBytes('0xc001fe'))).toEqual({ id: 0xfe, rlp: hexToBytes('0xc0') });
    expect(() => splitMessageId(hexToBytes('0x18'))).toThrow(expect.objectContaining({ code: 'lightproto.message' }));
    expect(() => splitMessageId(hexToBytes('0xc000fe'))).toThrow(expect.objectContaining({ code: 'lightproto.message' }));
  });
});

describe('hello', () => {
  test('ours: network id, [["clp", 2]], endpoint', () => {
    const hello = encodeHello(1029, { ip: Uint8Array.of(127, 0, 0, 1), udpPort: 32323, tcpPort: 32323 });
    expect(bytesToHex(hello)).toBe('0xd6820405c6c583636c7002cb847f000001827e43827e43');
    expect(decodeHello(hello)).toMatchObject({ networkId: 1029, protocols: [{ name: 'clp', version: 2 }], udpPort: 32323, tcpPort: 32323, posPublicKey: null });
  });

  test('zero ports cannot be announced (the node drops such peers)', () => {
    expect(() => encodeHello(1, { ip: Uint8Array.of(127, 0, 0, 1), udpPort: 0, tcpPort: 1 })).toThrow(RangeError);
  });

  test.each([
    ['not a list', '0x80'],
    ['two items', '0xc20102'],
    ['protocol name of 2 bytes', '0xcf01c4c3826c7002c8847f0000010101'],
    ['ip of 5 bytes', '0xd101c5c4836c7002c9857f000001010101'],
  ])('malformed: %s', (_, hex) => {
    expect(() => decodeHello(hexToBytes(hex))).toThrow(expect.objectContaining({ code: 'lightproto.hello' }));
  });
});
