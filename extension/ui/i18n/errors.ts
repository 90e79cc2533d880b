/**
 * Errors in the user's language. The background reports failures as `{ code, message }` with an
 * English message; the UI shows the catalog's sentence for the code (`errors.<code>`), never the
 * background's words where it has its own. Some messages carry specifics the code alone does not
 * (which nodes were asked, which amounts): for those the background's text is kept as details.
 * An unknown code gets a generic sentence naming the code, with the message as details.
 * @module
 */
import { WayfarerError } from '../../../core/errors.js';
import { currentLocale, i18n, t } from './i18n.js';
import { SOURCE_LOCALE } from './locale.js';

export interface ErrorText {
  message: string;
  /** Extra specifics, in the background's words (English), when they add something. */
  details?: string | undefined;
}

/** Codes whose message names specifics (nodes, amounts, chain ids) worth showing as details. */
const DETAILED = new Set([
  'wallet.no_node',
  'wallet.invalid_transaction',
  'wallet.node_refused',
  'wallet.insufficient_funds',
  'wallet.chain_changed',
  'wallet.token_decimals_mismatch',
  'wallet.wrong_network_recipient',
  'pool.no_node',
  'provider.node_error',
  'provider.approval_edit',
  'vault.invalid_backup',
  'vault.invalid_change',
  'vault.malformed',
  'vault.storage',
  'checkpoint.corrupt',
  'checkpoint.none_shipped',
]);

function codeOf(error: unknown): string | undefined {
  if (error instanceof WayfarerError) return error.code;
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** The catalog key for `code`, when the catalog has one (`vault.wrong_password` → `errors.vault.wrong_password`). */
function keyFor(code: string): string | undefined {
  if (!/^[a-z_]+(\.[a-z_]+)?$/.test(code)) return undefined;
  const key = `errors.${code}`;
  return i18n.exists(key) ? key : undefined;
}

/** The message and details to show for `error` (from the background or the UI itself). */
export function describeError(error: unknown): ErrorText {
  const code = codeOf(error);
  const original = error instanceof Error && error.message ? error.message : undefined;
  if (code === undefined) return { message: original ?? t('errors.unexpected') };
  if (code === 'internal') return { message: t('errors.internal') };
  const key = keyFor(code);
  if (key === undefined) return { message: t('errors.unknownCode', { code }), details: original };
  const message = (t as (k: string) => string)(key);
  if (!DETAILED.has(code) || original === undefined) return { message };
  // The background speaks English: in English its own sentence is the most precise.
  return currentLocale() === SOURCE_LOCALE ? { message: original } : { message, details: original };
}

/** The message alone, for places with room for one line. */
export function errorText(error: unknown): string {
  const { message, details } = describeError(error);
  return details === undefined ? message : `${message} ${t('errors.details', { message: details })}`;
}
