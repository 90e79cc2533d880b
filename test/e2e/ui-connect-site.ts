/**
 * A minimal dApp page for the UI tests that need a connected site: it asks for eSpace accounts on
 * load and puts the outcome in its title (`connected:0x…` or `error:<code>`). Served from a
 * throwaway directory on a random local port; nothing here holds a secret.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDir } from '../dapp/serve.mjs';

export const CONNECTING_DAPP = `<!doctype html><meta charset="utf-8"><title>waiting</title><h1>Test dApp</h1>
<script>
  window.ethereum.request({ method: 'eth_requestAccounts' }).then(
    (accounts) => { document.title = 'connected:' + accounts[0]; },
    (error) => { document.title = 'error:' + error.code; },
  );
</script>`;

/** Serves {@link CONNECTING_DAPP} at `/`. */
export async function serveConnectingDapp(): Promise<{ url: string; close: () => Promise<void> }> {
  return serveDir(mkdtempSync(join(tmpdir(), 'wayfarer-site-')), { routes: { '/': CONNECTING_DAPP } });
}
