/**
 * Well-known Conflux sites, bundled so that look-alikes of them can be recognised locally.
 *
 * Source: the official Conflux documentation (Conflux-Chain/conflux-documentation at
 * 1679c87e024234b1d0ccf4f6aad43473477b685d): the ecosystem page
 * (docs/general/conflux-basics/ecosystem.md) for swappi.io, nucleon.space, meson.fi, zglabs.org
 * (portal.zglabs.org), confluxhub.io and conflux-pos-validators.org; the glossary and endpoint pages
 * for ConfluxScan (confluxscan.io, .net and .org — all three are used, with evm., testnet. and
 * evmtestnet. subdomains), confluxrpc.com / confluxrpc.org (public RPC), confluxnetwork.org (site,
 * docs and faucets) and fluentwallet.com (the Fluent wallet). Each entry is a registrable domain;
 * its subdomains are the same site.
 * @module
 */

export interface KnownSite {
  domain: string;
  name: string;
}

export const KNOWN_CONFLUX_SITES: readonly KnownSite[] = [
  { domain: 'confluxnetwork.org', name: 'Conflux Network' },
  { domain: 'confluxhub.io', name: 'ConfluxHub' },
  { domain: 'confluxscan.io', name: 'ConfluxScan' },
  { domain: 'confluxscan.net', name: 'ConfluxScan' },
  { domain: 'confluxscan.org', name: 'ConfluxScan' },
  { domain: 'confluxrpc.com', name: 'Conflux public RPC' },
  { domain: 'confluxrpc.org', name: 'Conflux public RPC' },
  { domain: 'fluentwallet.com', name: 'Fluent Wallet' },
  { domain: 'swappi.io', name: 'Swappi' },
  { domain: 'nucleon.space', name: 'Nucleon' },
  { domain: 'meson.fi', name: 'Meson' },
  { domain: 'zglabs.org', name: 'Zero Gravity' },
  { domain: 'conflux-pos-validators.org', name: 'Conflux PoS validators' },
];
