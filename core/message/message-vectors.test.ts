import { describe, expect, test } from 'vitest';
import personal from '../../test/vectors/signing/personal-sign.json' with { type: 'json' };
import typed from '../../test/vectors/signing/typed-data.json' with { type: 'json' };
import { decodeCfxAddress, encodeCfxAddress } from '../address/cip37.js';
import { coreAddressFromPrivateKey } from '../keys/address.js';
import { bytesToHex, concatBytes, hexToBytes } from '../encoding/hex.js';
import { privateKeyFromHex } from '../keys/private-key.js';
import {
  corePersonalMessageHash,
  espacePersonalMessageHash,
  isHexPersonalMessage,
  personalMessageBytes,
  recoverCorePersonalMessageSigner,
  recoverEspacePersonalMessageSigner,
  signCorePersonalMessage,
  signEspacePersonalMessage,
} from './personal.js';
import { formatSignature } from './signature-format.js';
import { hashTypedData, recoverCip23TypedDataSigner, recoverEip712TypedDataSigner, signCip23TypedData, signEip712TypedData } from './typed-data.js';

describe('personal_sign vectors', () => {
  test.each(personal.core)('Core $message', (v) => {
    const key = privateKeyFromHex(v.privateKey);
    expect(isHexPersonalMessage(v.message)).toBe(v.messageIsHex);
    const prefixed = hexToBytes(v.prefixedMessageHex);
    const bytes = personalMessageBytes(v.message);
    expect(bytesToHex(prefixed.subarray(prefixed.length - bytes.length))).toBe(bytesToHex(bytes));
    expect(bytesToHex(corePersonalMessageHash(v.message))).toBe(v.hash);
    const signature = signCorePersonalMessage(v.message, key);
    expect(signature).toBe(v.signature);
    expect(Number.parseInt(signature.slice(-2), 16)).toBe(v.v);
    // Hex-message vectors do not list the signer; it is the key's own address.
    const signer = coreAddressFromPrivateKey(key);
    expect(recoverCorePersonalMessageSigner(v.message, signature, 1029)).toBe(v.signerBase32Mainnet ?? encodeCfxAddress(signer, 1029));
    expect(recoverCorePersonalMessageSigner(v.message, signature, 1)).toBe(v.signerBase32Testnet ?? encodeCfxAddress(signer, 1));
    // The same message given as bytes signs identically.
    expect(signCorePersonalMessage(bytes, key)).toBe(v.signature);
  });

  test('the SDK divergence for non-UTF-8 hex is not reproduced', () => {
    const v = personal.core.find((x) => 'divergence' in x)!;
    const divergence = (v as { divergence: { signature?: string; hash?: string } }).divergence;
    const signature = signCorePersonalMessage(v.message, privateKeyFromHex(v.privateKey));
    expect(signature).toBe(v.signature);
    if (divergence.signature !== undefined) expect(signature).not.toBe(divergence.signature);
  });

  test.each(personal.espace)('eSpace $message', (v) => {
    const key = privateKeyFromHex(v.privateKey);
    expect(bytesToHex(personalMessageBytes(v.message))).toBe(v.messageBytesHex);
    expect(bytesToHex(espacePersonalMessageHash(v.message))).toBe(v.hash);
    const signature = signEspacePersonalMessage(v.message, key);
    expect(signature).toBe(v.signature);
    expect(Number.parseInt(signature.slice(-2), 16)).toBe(v.v);
    expect(recoverEspacePersonalMessageSigner(v.message, signature)).toBe(v.signer);
  });

  test('raw-hash signing (js-conflux-sdk Message.sign) matches', () => {
    const v = personal.rawHashSign;
    const signature = formatSignature(privateKeyFromHex(v.privateKey).signHash(hexToBytes(v.hash)), 'core');
    expect(signature).toBe(v.signature);
  });
});

describe('typed data vectors', () => {
  test.each(typed.cip23)('CIP-23: $name', (v) => {
    const key = privateKeyFromHex(v.privateKey);
    const hashes = hashTypedData(v.typedData, 'core');
    expect(bytesToHex(hashes.domainSeparator)).toBe(v.domainSeparator);
    expect(bytesToHex(hashes.messageHash!)).toBe(v.messageHash);
    expect(bytesToHex(concatBytes(Uint8Array.of(0x19, 1), hashes.domainSeparator, hashes.messageHash!))).toBe(v.encodedForHash);
    expect(bytesToHex(hashes.hash)).toBe(v.hash);
    const signature = signCip23TypedData(v.typedData, key, v.typedData.domain.chainId);
    expect(signature).toBe(v.signature);
    expect(Number.parseInt(signature.slice(-2), 16)).toBe(v.v);
    const network = decodeCfxAddress(v.signer).networkId;
    expect(recoverCip23TypedDataSigner(v.typedData, signature, network)).toBe(v.signer);
  });

  test.each(typed.eip712)('EIP-712: $name', (v) => {
    const key = privateKeyFromHex(v.privateKey);
    const hashes = hashTypedData(v.typedData, 'espace');
    expect(bytesToHex(hashes.domainSeparator)).toBe(v.domainSeparator);
    expect(bytesToHex(hashes.messageHash!)).toBe(v.messageHash);
    expect(bytesToHex(hashes.hash)).toBe(v.hash);
    const signature = signEip712TypedData(v.typedData, key, v.typedData.domain.chainId);
    expect(signature).toBe(v.signature);
    expect(Number.parseInt(signature.slice(-2), 16)).toBe(v.v);
    expect(recoverEip712TypedDataSigner(v.typedData, signature).toLowerCase()).toBe(v.signer.toLowerCase());
  });

  test('the domain type name enters the hash', () => {
    const v = typed.eip712[0]!;
    const { EIP712Domain, ...rest } = v.typedData.types;
    const renamed = { ...v.typedData, types: { CIP23Domain: EIP712Domain, ...rest } };
    expect(bytesToHex(hashTypedData(renamed, 'core').hash)).not.toBe(v.hash);
    expect(bytesToHex(hashTypedData(renamed, 'core').messageHash!)).toBe(v.messageHash);
  });
});
