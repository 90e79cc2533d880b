import { describe, expect, test } from 'vitest';
import hd from '../../test/vectors/signing/hd-derivation.json' with { type: 'json' };
import { bytesToHex, hexToBytes } from '../encoding/hex.js';
import { encodeCfxAddress } from '../address/cip37.js';
import { coreAddressFromPrivateKey, coreAddressFromPublicKey, espaceAddressFromPrivateKey, espaceAddressFromPublicKey } from './address.js';
import { derivationPath, deriveAccountKey } from './hd.js';
import { mnemonicToSeed, mnemonicToSeedSync, parseMnemonic } from './mnemonic.js';
import { privateKeyFromHex } from './private-key.js';

describe('HD derivation vectors', () => {
  test.each(hd.vectors)('$note', async (v) => {
    const seed = await mnemonicToSeed(v.mnemonic, v.passphrase);
    expect(bytesToHex(seed)).toBe(v.seed);
    expect(bytesToHex(mnemonicToSeedSync(v.mnemonic, v.passphrase))).toBe(v.seed);
    for (const a of v.core) {
      expect(derivationPath('core', a.index)).toBe(a.path);
      const key = deriveAccountKey(seed, 'core', a.index);
      expect(bytesToHex(key.exportBytes())).toBe(a.privateKey);
      expect(bytesToHex(key.publicKey())).toBe(a.publicKeyUncompressed);
      expect(bytesToHex(key.publicKey(true))).toBe(a.publicKeyCompressed);
      expect(coreAddressFromPrivateKey(key)).toBe(a.hexAddress);
      expect(encodeCfxAddress(coreAddressFromPrivateKey(key), 1029)).toBe(a.base32Mainnet);
      expect(encodeCfxAddress(coreAddressFromPrivateKey(key), 1)).toBe(a.base32Testnet);
      expect(encodeCfxAddress(coreAddressFromPrivateKey(key), 1029, { verbose: true })).toBe(a.base32Mainnet_verbose);
      expect(espaceAddressFromPrivateKey(key)).toBe(a.ethStyleAddressOfSameKey);
    }
    for (const a of v.espace) {
      expect(derivationPath('espace', a.index)).toBe(a.path);
      const key = deriveAccountKey(seed, 'espace', a.index);
      expect(bytesToHex(key.exportBytes())).toBe(a.privateKey);
      expect(bytesToHex(key.publicKey(true))).toBe(a.publicKeyCompressed);
      expect(espaceAddressFromPrivateKey(key)).toBe(a.address);
      expect(coreAddressFromPrivateKey(key)).toBe(a.coreStyleHexOfSameKey);
    }
  });

  test.each(hd.privateKeys)('raw key $privateKey', (k) => {
    const key = privateKeyFromHex(k.privateKey);
    expect(bytesToHex(key.publicKey())).toBe(k.publicKeyUncompressed);
    expect(coreAddressFromPrivateKey(key)).toBe(k.coreHexAddress);
    expect(espaceAddressFromPrivateKey(key)).toBe(k.eSpaceAddress);
    expect(encodeCfxAddress(k.coreHexAddress, 1029)).toBe(k.coreBase32Mainnet);
    expect(encodeCfxAddress(k.coreHexAddress, 1)).toBe(k.coreBase32Testnet);
    expect(encodeCfxAddress(k.coreHexAddress, 1234)).toBe(k.coreBase32Net1234);
    // Same addresses from either public-key form, and from the key without 0x.
    expect(coreAddressFromPublicKey(hexToBytes(k.publicKeyCompressed))).toBe(k.coreHexAddress);
    expect(espaceAddressFromPublicKey(hexToBytes(k.publicKeyCompressed))).toBe(k.eSpaceAddress);
    expect(coreAddressFromPrivateKey(privateKeyFromHex(k.privateKey.slice(2)))).toBe(k.coreHexAddress);
  });

  test('typed mnemonics are normalised to the canonical sentence', async () => {
    const v = hd.vectors[0]!;
    const sloppy = `  ${v.mnemonic.toUpperCase().split(' ').join('  \t')}\n`;
    expect(parseMnemonic(sloppy)).toBe(v.mnemonic);
    expect(bytesToHex(await mnemonicToSeed(sloppy, v.passphrase))).toBe(v.seed);
  });

  test('passphrases are NFKD-normalised (composed and decomposed spellings agree)', async () => {
    const v = hd.vectors.find((x) => x.passphrase.includes('ü'))!;
    const decomposed = v.passphrase.normalize('NFD');
    expect(decomposed).not.toBe(v.passphrase.normalize('NFC'));
    expect(bytesToHex(await mnemonicToSeed(v.mnemonic, decomposed))).toBe(v.seed);
    expect(bytesToHex(await mnemonicToSeed(v.mnemonic, v.passphrase.normalize('NFC')))).toBe(v.seed);
  });
});
