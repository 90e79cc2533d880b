/**
 * Background service worker: the composition root. It only wires services together.
 *
 * MV3 rules this file follows: every event listener is registered synchronously at top level (the
 * worker may have been woken by that very event), services start asynchronously and each
 * service's requests wait for that service only (a vault database that cannot be opened does not
 * take the node list or the status screen down with it), and nothing relies on in-memory state
 * surviving — the worker is stopped whenever the browser likes.
 */
import { UiRouter } from './router.js';
import { EventBus, type BackgroundEvents } from './events.js';
import { forwardToPages } from './page-events.js';
import { refreshBalancesAfterSync } from './chain/balance-refresh.js';
import { UI_PORT_NAME } from '../shared/ui-protocol.js';
import { installVault } from './vault/install.js';
import { installChain } from './chain/install.js';
import { installProvider } from './provider/install.js';
import { PROVIDER_PORT_NAME } from '../shared/provider-protocol.js';
import { installWallet } from './transactions/install.js';
import { installCrossSpace } from './crossspace/install.js';
import { installContacts } from './contacts/install.js';
import { installNames } from './names/install.js';
import { installTokens } from './tokens/install.js';

const startedAt = Date.now();
const router = new UiRouter();
// The background's parts tell each other of changes here; pages hear the ones they show.
const bus = new EventBus<BackgroundEvents>();
forwardToPages(bus, router);

router.register({
  'app.info': () => ({ version: chrome.runtime.getManifest().version, startedAt }),
});

// Every service starts on its own and is retried after a failed start (./lifecycle.ts); the ones
// built on the chain take its getter, so they start once it has.
const vault = installVault(router);
const chain = installChain(router, bus);
installWallet(router, { keyring: vault.keyring, chain: chain.service });
installCrossSpace(router, { keyring: vault.keyring, chain: chain.service });
installContacts(router);
installNames(router, { chain: chain.service });
const tokens = installTokens(router, { chain: chain.service });
// The dApp provider: ports are accepted now; the service starts once the chain service has.
const provider = installProvider(router, { keyring: vault.keyring, chain: chain.service, tokens, bus });
// After each sync, the wallet's balances are read and pushed to pages.
refreshBalancesAfterSync({ bus, chain: chain.service, keyring: vault.keyring, tokens });

chrome.runtime.onConnect.addListener((port) => {
  if (port.name === UI_PORT_NAME) router.attach(port);
  else if (port.name === PROVIDER_PORT_NAME) provider.attach(port);
  else port.disconnect();
});
