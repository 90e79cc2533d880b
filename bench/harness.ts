/**
 * Minimal benchmark harness: runs a function repeatedly for a time budget and reports the mean
 * time per call. Benchmarks compare against a baseline measured in the same run, so results are
 * ratios that hold across machines.
 */
export interface Measurement {
  name: string;
  iterations: number;
  meanMs: number;
  opsPerSecond: number;
}

export async function measure(name: string, fn: () => unknown, options: { minIterations?: number; budgetMs?: number } = {}): Promise<Measurement> {
  const minIterations = options.minIterations ?? 5;
  const budgetMs = options.budgetMs ?? 1000;
  await fn(); // warm-up (JIT, lazy tables)
  let iterations = 0;
  const start = performance.now();
  while (iterations < minIterations || performance.now() - start < budgetMs) {
    await fn();
    iterations++;
  }
  const meanMs = (performance.now() - start) / iterations;
  return { name, iterations, meanMs, opsPerSecond: 1000 / meanMs };
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n## ${title}`);
  if (rows.length === 0) return;
  const headers = Object.keys(rows[0]!);
  const cells = rows.map((r) => headers.map((h) => formatCell(r[h])));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

function formatCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  return value;
}
