/**
 * Activity as CSV: RFC 4180 text (comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote, CR or LF, quotes doubled), safe to open in a spreadsheet.
 *
 * Threat model: cells hold text others chose — token symbols, contract names, labels, notes — and a
 * spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or CR before one) as a
 * formula (CSV/formula injection, OWASP). Such text cells get a leading apostrophe, which
 * spreadsheets show as text; plain decimal numbers the wallet wrote itself ("-1.5") are left as they
 * are. Export is UTF-8 with a byte-order mark by default so spreadsheet programs read Chinese labels.
 * Spec: https://www.rfc-editor.org/rfc/rfc4180
 * @module
 */
import type { Space } from '../space.js';
import { ActivityError } from './errors.js';

export type CsvCell = string | number | bigint | boolean | null | undefined;

const FORMULA_START = /^[\s]*[=+\-@\t\r|%]/u;
const PLAIN_NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

/** One cell as CSV text: formula-guarded, then quoted when RFC 4180 requires it. */
export function csvCell(value: CsvCell): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ActivityError('activity.input', 'csv: numbers must be finite', { details: 'cell' });
    text = String(value);
  } else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (typeof value === 'string') text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  else throw new ActivityError('activity.input', 'csv: unsupported cell type', { details: 'cell' });
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: header line, then one line per row, each ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  if (!Array.isArray(header) || header.length === 0) throw new ActivityError('activity.input', 'csv: header expected', { details: 'header' });
  const lines = [header.map(csvCell).join(',')];
  for (const [i, row] of rows.entries()) {
    if (!Array.isArray(row) || row.length !== header.length) throw new ActivityError('activity.input', `csv: row ${i} has ${Array.isArray(row) ? row.length : 'no'} cells, expected ${header.length}`, { details: String(i) });
    lines.push(row.map(csvCell).join(','));
  }
  return `${options.bom === false ? '' : '\ufeff'}${lines.join('\r\n')}\r\n`;
}

/** One activity entry as the wallet lists it (amounts already formatted with their decimals). */
export interface ActivityRow {
  /** Unix milliseconds (written as ISO 8601 UTC). */
  time: number | null;
  network: string;
  space: Space;
  direction: 'in' | 'out' | 'self';
  /** `cfx`, `token`, `nft`, `cross_space`, `contract_call`… */
  kind: string;
  /** Token symbol as the contract states it, or `CFX`. */
  asset: string;
  /** Token contract (space form); '' for CFX. */
  assetContract: string;
  /** Decimal amount as shown ("1.5"); '' when none. */
  amount: string;
  from: string;
  fromLabel: string;
  to: string;
  toLabel: string;
  /** Decimal CFX; '' when the user did not pay it. */
  fee: string;
  transactionHash: string;
  status: string;
  /** verified / cross-checked / single-source / conflict. */
  trust: string;
  /** Block-explorer link, '' when the network has none. */
  explorerUrl: string;
}

export const ACTIVITY_CSV_HEADER = [
  'time_utc', 'network', 'space', 'direction', 'kind', 'asset', 'asset_contract', 'amount', 'from', 'from_label', 'to', 'to_label', 'fee_cfx', 'transaction_hash', 'status', 'trust', 'explorer_url',
] as const;

/** The activity export: one line per row, columns as {@link ACTIVITY_CSV_HEADER}. */
export function activityToCsv(rows: readonly ActivityRow[], options: { bom?: boolean } = {}): string {
  return toCsv(ACTIVITY_CSV_HEADER, rows.map((r) => [
    r.time === null ? '' : new Date(r.time).toISOString(), r.network, r.space, r.direction, r.kind, r.asset, r.assetContract, r.amount,
    r.from, r.fromLabel, r.to, r.toLabel, r.fee, r.transactionHash, r.status, r.trust, r.explorerUrl,
  ]), options);
}
