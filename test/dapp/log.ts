/**
 * Shows what each action did, on the page and as data the end-to-end tests read.
 */
export interface ActionError {
  code: number | string | undefined;
  message: string;
}
export type ActionResult = { ok: true; value: unknown } | { ok: false; error: ActionError };

export function errorOf(error: unknown): ActionError {
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  // viem wraps provider errors; its `code` mirrors the provider's, and `cause` holds the original.
  const code = typeof e?.code === 'number' || typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'number' ? e.cause.code : undefined;
  const message = typeof e?.cause?.message === 'string' ? e.cause.message : typeof e?.message === 'string' ? e.message : String(error);
  return { code: code as number | string | undefined, message };
}

const stringify = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);

/** Runs an action, logs its outcome in `logId`, and returns it (never throws). */
export async function run(logId: string, name: string, action: () => Promise<unknown>): Promise<ActionResult> {
  const log = document.getElementById(logId);
  let result: ActionResult;
  try {
    result = { ok: true, value: await action() };
  } catch (error) {
    result = { ok: false, error: errorOf(error) };
  }
  if (log) log.textContent = `${name}: ${result.ok ? stringify(result.value) : `error ${String(result.error.code)}: ${result.error.message}`}\n${log.textContent ?? ''}`.slice(0, 20_000);
  return result;
}
