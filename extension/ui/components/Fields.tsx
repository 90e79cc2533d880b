/**
 * A list of labelled values (transaction fields, network details).
 */
import type { ReactNode } from 'react';

export interface FieldRow {
  label: string;
  value: ReactNode;
  /** Monospace, wrapped anywhere (addresses, hex). */
  code?: boolean;
  testId?: string;
}

export function Fields({ rows, label, testId }: { rows: (FieldRow | null)[]; label: string; testId?: string | undefined }) {
  return (
    <dl className="fields" aria-label={label} data-testid={testId}>
      {rows
        .filter((r): r is FieldRow => r !== null)
        .map((row) => (
          <div className="field" key={row.label}>
            <dt>{row.label}</dt>
            <dd className={row.code ? 'code' : undefined} data-testid={row.testId}>
              {row.value}
            </dd>
          </div>
        ))}
    </dl>
  );
}
