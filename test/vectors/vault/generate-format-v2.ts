/**
 * Writes format-v2.json: a vault record in format version 2, built here with WebCrypto directly from
 * the format's definition (core/vault/format.ts, cipher.ts, kdf.ts headers), independently of the
 * code under test. It pins the format: a record written today must open in every later version.
 * Run: `npx tsx test/vectors/vault/generate-format-v2.ts > test/vectors/vault/format-v2.json`.
 */
export {};

const password = 'format two password ✓';
const iterations = 600_000;
const id = '0123456789abcdef0123456789abcdef';
const revision = 7;
const keyring = {
  schema: 2,
  wallets: [
    { kind: 'hd', id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', name: 'Main phrase', mnemonic: 'test test test test test test test test test test test junk', passphrase: '', createdAt: 1767225600000, nextIndex: 2 },
    { kind: 'private-key', id: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', name: 'Paper key', privateKey: '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318', createdAt: 1767225600001 },
  ],
  accounts: [
    { id: 'cccccccccccccccccccccccccccccccc', walletId: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', index: 0, name: 'Cold', hidden: false, coreHexAddress: '0x1c7536e3605d9c16a7a3d7b1898e529396a65c23', evmAddress: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23' },
    { id: 'dddddddddddddddddddddddddddddddd', walletId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', index: 1, name: 'Second', hidden: true, coreHexAddress: '0x1c41d0b666e65eeffd35d01a4df10fcc7353d334', evmAddress: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
    { id: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', walletId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', index: 0, name: 'First', hidden: false, coreHexAddress: '0x161db721d8b3f501d6cc1de85c5579def881ceae', evmAddress: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' },
  ],
};

const enc = new TextEncoder();
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const kdfSalt = crypto.getRandomValues(new Uint8Array(32));
const writeSalt = crypto.getRandomValues(new Uint8Array(32));
const iv = crypto.getRandomValues(new Uint8Array(12));

const passwordKey = await crypto.subtle.importKey('raw', enc.encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
const master = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: kdfSalt, iterations }, passwordKey, 256);
const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveBits', 'deriveKey']);
const keyCheck = new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: enc.encode('wayfarer-vault/key-check') }, hkdf, 256));
const aesKey = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: writeSalt, info: enc.encode('wayfarer-vault/aes-256-gcm') }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
const aad = enc.encode(JSON.stringify(['wayfarer-vault', 2, id, revision, 'pbkdf2-sha256', iterations, b64(kdfSalt), b64(keyCheck), 'aes-256-gcm-hkdf-sha256']));
const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, aesKey, enc.encode(JSON.stringify(keyring))));

const record = JSON.stringify({
  format: 'wayfarer-vault',
  version: 2,
  id,
  revision,
  kdf: { name: 'pbkdf2-sha256', iterations, salt: b64(kdfSalt) },
  keyCheck: b64(keyCheck),
  cipher: { name: 'aes-256-gcm-hkdf-sha256', salt: b64(writeSalt), iv: b64(iv) },
  ciphertext: b64(ciphertext),
});

console.log(
  JSON.stringify(
    {
      description: 'A vault record in format version 2 (current). Must open with `password` and yield `keyring` exactly. Its addresses are those of test/vectors/signing/hd-derivation.json (Hardhat mnemonic) and privateKeys[1].',
      source: 'test/vectors/vault/generate-format-v2.ts (WebCrypto in Node 20, written from the format definition, not with the code under test)',
      password,
      masterKeyHex: Array.from(new Uint8Array(master), (b) => b.toString(16).padStart(2, '0')).join(''),
      keyring,
      record,
    },
    null,
    2,
  ),
);
