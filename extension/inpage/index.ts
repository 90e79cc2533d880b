/**
 * Inpage script (page main world, document_start, every frame): defines the dApp-facing providers.
 *
 * - `window.conflux`: Core space, Fluent's API (what Conflux Core dApps use today).
 * - `window.ethereum`: eSpace, EIP-1193 — only when no other wallet defined it first; we never
 *   replace another wallet's provider. eSpace dApps that follow EIP-6963 find Wayfarer either way.
 * - `window.fluent`: the eSpace provider too. Fluent's `window.fluent` is its network-switching
 *   provider, and Conflux's own dApp toolkit (use-wallet, `ethereum/Fluent`) reaches Fluent on
 *   eSpace through it with `eth_*` methods; giving those dApps our eSpace provider there makes them
 *   work unchanged. Core dApps use `window.conflux`, as Fluent's documentation tells them to.
 * - `isFluent: true` on both providers: Conflux dApps (use-wallet's `mustBeFluent`) refuse a
 *   provider without it, and look for it with Object.keys, so it must be an own enumerable key.
 *   `isWayfarer: true` tells the truth to dApps that care. No `isMetaMask`: EIP-6963 makes that
 *   impersonation unnecessary.
 *
 * Globals are never defined over an existing value, and stay configurable so a wallet that installs
 * itself after us can still take the name: Fluent redefines `window.conflux` (it would throw on a
 * non-configurable property), EIP-1193 wallets assign `window.ethereum` (so that one, and
 * `window.fluent`, stay writable; `window.conflux` is read-only as Fluent makes it). The provider
 * objects themselves are frozen. `window.wayfarer` always reaches our providers. The script holds no secrets; the origin the wallet sees comes from the
 * browser, not from anything here.
 * @module
 */
import { announceProvider } from './eip6963.js';
import { createProvider } from './provider.js';
import { createTransport } from './transport.js';

function defineGlobal(win: Window & typeof globalThis, name: string, value: object, writable: boolean): void {
  if (Reflect.get(win, name) !== undefined) return;
  try {
    Object.defineProperty(win, name, { value, writable, configurable: true, enumerable: true });
  } catch {
    // Another script made the name non-configurable first: leave it alone.
  }
}

function install(win: Window & typeof globalThis): void {
  if (Object.hasOwn(win, 'wayfarer')) return; // injected twice (should not happen): keep the first
  const transport = createTransport(win);
  const conflux = createProvider({ space: 'core', transport, requestAccountsMethod: 'cfx_requestAccounts', flags: { isFluent: true, isWayfarer: true } });
  const ethereum = createProvider({ space: 'espace', transport, requestAccountsMethod: 'eth_requestAccounts', flags: { isFluent: true, isWayfarer: true } });
  Object.defineProperty(win, 'wayfarer', { value: Object.freeze({ conflux, ethereum }), writable: false, configurable: false, enumerable: false });
  defineGlobal(win, 'conflux', conflux, false);
  defineGlobal(win, 'fluent', ethereum, true);
  defineGlobal(win, 'ethereum', ethereum, true);
  announceProvider(win, ethereum);
}

install(window);
