/**
 * Node endpoints: which networks exist, what the wallet knows about each configured node, and the
 * rules a user-entered URL must pass.
 *
 * A node is identified by space + URL. `operator` names who runs it: answers from nodes with the
 * same operator count as ONE source when cross-checking, because one organisation (or one state
 * that controls it) can make all its nodes tell the same lie.
 * @module
 */
import { InvalidInputError } from '../../errors.js';
import { isSpace, type Space } from '../../space.js';
import { redactEndpoint } from '../errors.js';
import { isLocalOrPrivateHost, registrableDomain, registrableDomainOf } from './domain.js';

/** The networks the wallet knows, in the order it lists them; schemas of every boundary derive from this list. */
export const NETWORK_KEYS = ['mainnet', 'testnet', 'local'] as const;
export type NetworkKey = (typeof NETWORK_KEYS)[number];
/**
 * What a configured node serves: JSON-RPC for one space, or a proof gateway (`gateway/`: the light
 * protocol's state proofs, for both spaces). Gateways live in the same list as nodes — visible,
 * removable, banned with evidence — but are never asked JSON-RPC questions.
 */
export type NodeKind = Space | 'gateway';

export interface NetworkConfig {
  key: NetworkKey;
  label: string;
  /** Core chain id (also the CIP-37 network id). */
  coreChainId: number;
  /** eSpace (EVM) chain id. */
  espaceChainId: number;
}

/** Chain ids: CIP-37 (mainnet 1029, testnet 1), eSpace docs (1030, 71); the local dev node uses 1024/1025. */
export const NETWORKS: Readonly<Record<NetworkKey, NetworkConfig>> = {
  mainnet: { key: 'mainnet', label: 'Conflux mainnet', coreChainId: 1029, espaceChainId: 1030 },
  testnet: { key: 'testnet', label: 'Conflux testnet', coreChainId: 1, espaceChainId: 71 },
  local: { key: 'local', label: 'Local dev node', coreChainId: 1024, espaceChainId: 1025 },
};

export interface NodeEndpoint {
  /** `<network>/<space>/<url>`; stable across restarts. */
  id: string;
  network: NetworkKey;
  /** The space it serves JSON-RPC for, or `gateway` for a proof gateway. */
  space: NodeKind;
  /** Full HTTP(S) URL (its path may hold an API key: never logged, never shown in errors). */
  url: string;
  /** Optional WebSocket URL of the same node, for subscriptions. */
  wsUrl?: string;
  /** Who runs the node; equal operators are not independent. */
  operator: string;
  /** What the user sees (host, no path). */
  label: string;
  /**
   * Shipped with the wallet, added by the user in Settings, or suggested by a site
   * (`wallet_add…Chain`, approved by the user). Site nodes never count as a trusted source.
   */
  origin: NodeOrigin;
  /** For `origin: 'site'`: the registrable domain of the (top-level) site that suggested it. */
  site?: string;
}

export type NodeOrigin = 'default' | 'user' | 'site';

const MAX_URL_LENGTH = 2048;

function parseUrl(url: string, allowed: readonly string[], title: string): URL {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) throw new InvalidInputError(`"${title}" must be a URL of at most ${MAX_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidInputError(`"${title}" is not a valid URL`);
  }
  if (!allowed.includes(parsed.protocol)) throw new InvalidInputError(`"${title}" must use ${allowed.join(' or ')}`);
  // user:pass@ would be sent to every request and shown nowhere; ask for a path key instead.
  if (parsed.username !== '' || parsed.password !== '') throw new InvalidInputError(`"${title}" must not contain a user name or password`);
  if (parsed.hash !== '') throw new InvalidInputError(`"${title}" must not contain a #fragment`);
  return parsed;
}

/**
 * Checks and builds an endpoint. Plain `http:` is only accepted for loopback and private hosts
 * (your own node on your own network); public nodes must use TLS so nobody on the path can read
 * which addresses you ask about or rewrite the answers.
 *
 * Operators: a shipped node names its operator; a user node takes the name the user gave, else
 * the registrable domain of its host (never host:port, which anyone can multiply); every node a
 * site suggested is operated by that site (its registrable domain), whatever its URL says. A site
 * may not suggest a node on this computer or the local network (that would make the wallet send
 * requests to local services on the page's behalf), nor a WebSocket URL.
 * @throws {InvalidInputError}
 * @example makeEndpoint({ network: 'mainnet', space: 'core', url: 'https://main.confluxrpc.com', operator: 'Conflux Foundation (Confura)' })
 */
export function makeEndpoint(input: { network: NetworkKey; space: NodeKind; url: string; wsUrl?: string; operator?: string; origin?: NodeOrigin; site?: string }): NodeEndpoint {
  if (!Object.hasOwn(NETWORKS, input.network)) throw new InvalidInputError(`unknown network "${String(input.network)}"`);
  if (!isSpace(input.space) && input.space !== 'gateway') throw new InvalidInputError(`unknown space "${String(input.space)}"`);
  const parsed = parseUrl(input.url, ['https:', 'http:'], 'url');
  if (parsed.protocol === 'http:' && !isLocalHost(parsed.hostname)) throw new InvalidInputError('plain http is only allowed for a node on this computer or your local network; use https');
  const origin = input.origin ?? 'user';
  let operator = input.operator ?? registrableDomain(parsed.hostname);
  let site: string | undefined;
  if (origin === 'site') {
    if (typeof input.site !== 'string' || input.site.length === 0) throw new InvalidInputError('a site-suggested node needs the site that suggested it');
    if (isLocalOrPrivateHost(parsed.hostname)) throw new InvalidInputError('a site may not add a node on this computer or your local network; add it yourself in Settings');
    if (input.wsUrl !== undefined) throw new InvalidInputError('a site may not add a WebSocket URL');
    site = /^https?:\/\//.test(input.site) ? registrableDomainOf(input.site) : registrableDomain(input.site);
    operator = site;
  }
  const endpoint: NodeEndpoint = {
    id: `${input.network}/${input.space}/${parsed.href}`,
    network: input.network,
    space: input.space,
    url: parsed.href,
    operator: operator.slice(0, 100),
    label: redactEndpoint(parsed.href),
    origin,
    ...(site !== undefined ? { site: site.slice(0, 100) } : {}),
  };
  if (input.wsUrl !== undefined && input.space !== 'gateway') {
    const ws = parseUrl(input.wsUrl, ['wss:', 'ws:'], 'wsUrl');
    if (ws.protocol === 'ws:' && !isLocalHost(ws.hostname)) throw new InvalidInputError('plain ws is only allowed for a local node; use wss');
    endpoint.wsUrl = ws.href;
  }
  return endpoint;
}

/** Loopback, `localhost`, and RFC 1918 / link-local IPv4 literals. */
export function isLocalHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

/**
 * The host permission the extension must hold to talk to this node, as a match pattern for
 * `chrome.permissions.request({ origins: [...] })` (which only works inside a user gesture, so the
 * UI asks while the user clicks "Add node"). Match patterns without a port match every port.
 * @example hostPermissionPattern('https://rpc.example.org/v1/key') // 'https://rpc.example.org/*'
 */
export function hostPermissionPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}
