/**
 * Structured data (typed-data domain and message) as a nested definition list: every field name
 * and value visible, long values wrapped, nothing hidden behind a summary.
 */
export function JsonTree({ value, label }: { value: unknown; label?: string }) {
  if (value === null || typeof value !== 'object') {
    return <span className="value">{value === null ? 'null' : String(value)}</span>;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <span className="value">{Array.isArray(value) ? '[ ]' : '{ }'}</span>;
  return (
    <dl className="tree" aria-label={label}>
      {entries.map(([key, child]) => (
        <div className="tree-row" key={key}>
          <dt>{key}</dt>
          <dd>
            <JsonTree value={child} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
