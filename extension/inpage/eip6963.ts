/**
 * EIP-6963 multi-wallet discovery: announces the eSpace provider with a stable identity, and
 * answers every `eip6963:requestProvider` with the same frozen detail.
 *
 * Identity: name "Wayfarer"; rdns `app.wayfarer`, our own reverse-DNS id — distinct from Fluent's
 * `com.fluentwallet`, so a dApp that remembers the user's wallet choice by rdns never mixes the two
 * up; uuid v4 fresh per page load (the standard's rule), from `crypto.getRandomValues` because
 * `crypto.randomUUID` exists only in secure contexts and dApps also run on plain-http hosts.
 * @module
 */
import { ICON_DATA_URI } from './icon.js';

export const WALLET_NAME = 'Wayfarer';
export const WALLET_RDNS = 'app.wayfarer';

export interface Eip6963ProviderInfo {
  readonly uuid: string;
  readonly name: string;
  readonly icon: string;
  readonly rdns: string;
}

export function uuidV4(getRandomValues: (array: Uint8Array) => Uint8Array): string {
  const b = getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function announceProvider(win: Window & typeof globalThis, provider: object): Eip6963ProviderInfo {
  const info: Eip6963ProviderInfo = Object.freeze({
    uuid: uuidV4(win.crypto.getRandomValues.bind(win.crypto)),
    name: WALLET_NAME,
    icon: ICON_DATA_URI,
    rdns: WALLET_RDNS,
  });
  const detail = Object.freeze({ info, provider });
  const CustomEventCtor = win.CustomEvent;
  const dispatch = win.dispatchEvent.bind(win);
  const announce = (): void => {
    dispatch(new CustomEventCtor('eip6963:announceProvider', { detail }));
  };
  win.addEventListener('eip6963:requestProvider', announce);
  announce();
  return info;
}
