/**
 * Encrypted backup files: the vault record, wrapped with a file header.
 *
 * ```json
 * { "format": "wayfarer-vault-backup", "version": 1, "exportedAt": "2026-01-01T00:00:00.000Z",
 *   "vault": { "format": "wayfarer-vault", "version": 2, "kdf": {…}, "cipher": {…}, "ciphertext": "…", … } }
 * ```
 * The file is only as safe as the password: it carries the same KDF parameters and authenticated
 * ciphertext as the stored vault, and nothing in the clear besides the header. Restoring decrypts
 * (proving the password) before anything on the device changes; see vault.ts.
 * @module
 */
import { InvalidBackupError, VaultFormatError, UnsupportedVaultVersionError } from './errors.js';
import { recordToJson, type VaultRecord } from './format.js';
import { asObject, expectKeys, parseJsonObject, readString } from './json.js';
import { decodeAnyRecord, type AnyVaultRecord } from './records.js';

export const BACKUP_FORMAT = 'wayfarer-vault-backup';
export const BACKUP_VERSION = 1;

/** Serializes a record as a backup file. */
export function encodeBackup(record: VaultRecord, exportedAt: number): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(exportedAt).toISOString(), vault: recordToJson(record) }, null, 2);
}

/** Parses a backup file into its vault record (any format version this code reads). */
export function decodeBackup(text: string): { record: AnyVaultRecord; exportedAt: string } {
  try {
    const object = parseJsonObject(text, 'backup');
    if (object.format !== BACKUP_FORMAT) throw new InvalidBackupError('This file is not a Wayfarer vault backup.');
    if (object.version !== BACKUP_VERSION) throw new UnsupportedVaultVersionError(object.version);
    expectKeys(object, 'backup', ['format', 'version', 'exportedAt', 'vault']);
    const exportedAt = readString(object, 'exportedAt', 'backup', 40);
    const record = decodeAnyRecord(JSON.stringify(asObject(object.vault, 'backup.vault')));
    return { record, exportedAt };
  } catch (error) {
    if (error instanceof VaultFormatError) throw new InvalidBackupError('The backup file is damaged or incomplete.', { cause: error, details: error.message });
    throw error;
  }
}
