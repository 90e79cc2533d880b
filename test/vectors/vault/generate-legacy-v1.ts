/**
 * Writes legacy-v1.json: a vault in format version 1 (the original format), encrypted here with
 * WebCrypto directly from the format's definition, independently of the reader in
 * core/vault/legacy-v1.ts. Run: `npx tsx test/vectors/vault/generate-legacy-v1.ts > test/vectors/vault/legacy-v1.json`.
 * The output is random (salt, IV) and committed once; regenerate only if the fixture is lost.
 */
export {};

const password = 'legacy vault password';
const iterations = 310_000;
const payload = {
  wallets: [
    { type: 'hd', mnemonic: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about', passphrase: '', accounts: 2 },
    { type: 'hd', mnemonic: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about', passphrase: 'TREZOR', accounts: 1 },
    { type: 'key', privateKey: '0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' },
    // Listed twice with more accounts: migration must merge, keeping all three accounts.
    { type: 'hd', mnemonic: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about', passphrase: '', accounts: 3 },
  ],
};

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const salt = crypto.getRandomValues(new Uint8Array(16));
const iv = crypto.getRandomValues(new Uint8Array(12));
const baseKey = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, baseKey, 256);
const key = await crypto.subtle.importKey('raw', bits, 'AES-GCM', false, ['encrypt']);
const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(payload))));
const record = JSON.stringify({ version: 1, kdf: { iterations, salt: hex(salt) }, iv: hex(iv), data: hex(data) });

console.log(
  JSON.stringify(
    {
      description: 'A vault record in format version 1 (PBKDF2-SHA256 310,000 iterations used directly as the AES-256-GCM key, no AAD; payload schema 1). Must open with `password` and migrate to format 2.',
      source: 'test/vectors/vault/generate-legacy-v1.ts (WebCrypto in Node 20, written from the format definition, not with the reader under test)',
      password,
      payload,
      record,
    },
    null,
    2,
  ),
);
