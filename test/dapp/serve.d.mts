/** Types of serve.mjs. */
export function buildDapp(outDir: string): Promise<string>;
export function serveDir(dir: string, options?: { port?: number; host?: string; routes?: Record<string, string> }): Promise<{ url: string; close: () => Promise<void> }>;
