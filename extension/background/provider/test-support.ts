/**
 * Test support for the provider's unit tests (not bundled: production code never imports it).
 *
 * The keyring signs for real with core/keys + core/tx + core/message (its signatures are checked
 * against independent libraries in the tests); the chain answers node reads from a table the test
 * fills in, and records what was broadcast; ports and tab messaging record what was delivered.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import { coreAddressFromPrivateKey, espaceAddressFromPrivateKey } from '../../../core/keys/address.js';
import { privateKeyFromHex, type PrivateKey } from '../../../core/keys/private-key.js';
import { signCorePersonalMessage, signEspacePersonalMessage } from '../../../core/message/personal.js';
import { signCip23TypedData, signEip712TypedData } from '../../../core/message/typed-data.js';
import type { Space } from '../../../core/space.js';
import { signCoreTransaction } from '../../../core/tx/core-sign.js';
import { signEspaceTransaction } from '../../../core/tx/espace-sign.js';
import { VaultLockedError } from '../../../core/vault/errors.js';
import type { BackgroundDirect, BackgroundToContent } from '../../shared/provider-protocol.js';
import type { WindowApis } from './approval-window.js';
import type { TabMessaging } from './connections.js';
import { NodeRpcError } from './errors.js';
import type { ProviderChain, ProviderKeyring, ProviderNetwork, WalletAccount } from './wallet-services.js';

export class TestKeyring implements ProviderKeyring {
  unlocked = true;
  readonly keys = new Map<string, PrivateKey>();
  readonly accounts: WalletAccount[] = [];
  private readonly listeners = new Set<() => void>();

  addAccount(id: string, privateKeyHex: string, name = id): WalletAccount {
    const key = privateKeyFromHex(privateKeyHex);
    this.keys.set(id, key);
    const account = { id, name, coreHex: coreAddressFromPrivateKey(key) as Hex, espaceAddress: espaceAddressFromPrivateKey(key) };
    this.accounts.push(account);
    return account;
  }

  /** The user hid (or removed) the account: it leaves the visible list; its key stays for a hide. */
  hideAccount(id: string): void {
    const index = this.accounts.findIndex((a) => a.id === id);
    if (index >= 0) this.accounts.splice(index, 1);
    for (const l of this.listeners) l();
  }

  setUnlocked(unlocked: boolean): void {
    this.unlocked = unlocked;
    for (const l of this.listeners) l();
  }

  private key(id: string): PrivateKey {
    if (!this.unlocked) throw new VaultLockedError();
    const key = this.keys.get(id);
    if (!key) throw new Error('no such account');
    return key;
  }

  isUnlocked = async (): Promise<boolean> => this.unlocked;
  listAccounts = async (): Promise<WalletAccount[]> => {
    if (!this.unlocked) throw new VaultLockedError();
    return [...this.accounts];
  };
  signCoreTransaction: ProviderKeyring['signCoreTransaction'] = async (id, tx, chainId) => {
    const s = signCoreTransaction(tx, this.key(id), chainId);
    return { raw: s.raw as Hex, hash: s.hash as Hex };
  };
  signEspaceTransaction: ProviderKeyring['signEspaceTransaction'] = async (id, tx, chainId) => {
    const s = signEspaceTransaction(tx, this.key(id), chainId);
    return { raw: s.raw as Hex, hash: s.hash as Hex };
  };
  personalSign: ProviderKeyring['personalSign'] = async (id, space, message) =>
    (space === 'core' ? signCorePersonalMessage(message, this.key(id)) : signEspacePersonalMessage(message, this.key(id))) as Hex;
  signTypedData: ProviderKeyring['signTypedData'] = async (id, space, td, chainId) =>
    (space === 'core' ? signCip23TypedData(td, this.key(id), chainId) : signEip712TypedData(td, this.key(id), chainId)) as Hex;
  onChange = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

type ReadHandler = (params: readonly unknown[]) => unknown;

export class TestChain implements ProviderChain {
  readonly networks: ProviderNetwork[] = [
    { space: 'core', chainId: 1029, name: 'Conflux Core', currencySymbol: 'CFX', currencyName: 'Conflux', rpcUrls: ['https://main.confluxrpc.com'] },
    { space: 'core', chainId: 1, name: 'Conflux Core Testnet', currencySymbol: 'CFX', currencyName: 'Conflux', rpcUrls: ['https://test.confluxrpc.com'] },
    { space: 'espace', chainId: 1030, name: 'Conflux eSpace', currencySymbol: 'CFX', currencyName: 'Conflux', rpcUrls: ['https://evm.confluxrpc.com'] },
    { space: 'espace', chainId: 71, name: 'Conflux eSpace Testnet', currencySymbol: 'CFX', currencyName: 'Conflux', rpcUrls: ['https://evmtestnet.confluxrpc.com'] },
    { space: 'core', chainId: 1024, name: 'Local dev node', currencySymbol: 'CFX', currencyName: 'Conflux', rpcUrls: ['http://127.0.0.1:12537/'] },
  ];
  active: Record<Space, number> = { core: 1029, espace: 1030 };
  readonly reads: { space: Space; method: string; params: readonly unknown[] }[] = [];
  readonly sent: { space: Space; raw: Hex }[] = [];
  readonly handlers = new Map<string, ReadHandler>();
  nonce = 7n;
  /** What the nodes report as the latest-state nonce. */
  nodeNonce = 3n;
  private readonly listeners = new Set<(space: Space) => void>();

  constructor() {
    this.handlers.set('cfx_getBlockByEpochNumber', () => ({ baseFeePerGas: '0x3b9aca00' }));
    this.handlers.set('eth_getBlockByNumber', () => ({ baseFeePerGas: '0x3b9aca00' }));
    this.handlers.set('cfx_epochNumber', () => '0x64');
    this.handlers.set('cfx_estimateGasAndCollateral', () => ({ gasLimit: '0x5208', gasUsed: '0x5208', storageCollateralized: '0x0' }));
    this.handlers.set('eth_estimateGas', () => '0x5208');
    this.handlers.set('cfx_maxPriorityFeePerGas', () => '0x1');
    this.handlers.set('eth_maxPriorityFeePerGas', () => '0x1');
    this.handlers.set('cfx_gasPrice', () => '0x3b9aca00');
    this.handlers.set('eth_gasPrice', () => '0x3b9aca00');
    this.handlers.set('cfx_getNextNonce', () => `0x${this.nodeNonce.toString(16)}`);
    this.handlers.set('eth_getTransactionCount', () => `0x${this.nodeNonce.toString(16)}`);
  }

  activeNetwork = async (space: Space): Promise<ProviderNetwork> => {
    const found = this.networks.find((n) => n.space === space && n.chainId === this.active[space]);
    if (!found) throw new Error('no active network');
    return found;
  };
  findNetwork = async (space: Space, chainId: number) => this.networks.find((n) => n.space === space && n.chainId === chainId);
  switchNetwork = async (space: Space, chainId: number): Promise<void> => {
    this.active[space] = chainId;
    for (const l of this.listeners) l(space);
  };
  readonly addedBy: string[] = [];
  addNetwork = async (network: ProviderNetwork, site: string): Promise<void> => {
    this.addedBy.push(site);
    const known = this.networks.find((n) => n.space === network.space && n.chainId === network.chainId);
    if (!known) throw new Error('unknown network');
    known.rpcUrls.push(...network.rpcUrls.filter((u) => !known.rpcUrls.includes(u)));
  };
  readonly watched: { space: Space; chainId: number; address: string }[] = [];
  watchToken = async (space: Space, chainId: number, asset: { address: string }): Promise<void> => {
    this.watched.push({ space, chainId, address: asset.address });
  };
  read = async (space: Space, method: string, params: readonly unknown[]): Promise<unknown> => {
    this.reads.push({ space, method, params });
    const handler = this.handlers.get(method);
    if (!handler) throw new NodeRpcError(-32601, `the method ${method} does not exist/is not available`);
    return handler(params);
  };
  nextNonce = async (): Promise<bigint> => this.nonce;
  chainId = (space: Space): number => this.active[space];
  nodeRefusal = (error: unknown): string | undefined => (error instanceof NodeRpcError ? error.message : undefined);
  sendRawTransaction = async (space: Space, raw: Hex): Promise<Hex> => {
    this.sent.push({ space, raw });
    const { keccak_256 } = await import('@noble/hashes/sha3.js');
    const { bytesToHex, hexToBytes } = await import('../../../core/encoding/hex.js');
    return bytesToHex(keccak_256(hexToBytes(raw))) as Hex;
  };
  onNetworkChange = (listener: (space: Space) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** A runtime port that records what the background posts to it. */
export class RecordingPort {
  readonly posted: BackgroundToContent[] = [];
  connected = true;
  private readonly disconnectListeners: (() => void)[] = [];
  readonly port: chrome.runtime.Port;

  constructor(sender: chrome.runtime.MessageSender) {
    const self = this;
    this.port = {
      name: 'wayfarer-provider',
      sender,
      postMessage(message: BackgroundToContent) {
        if (!self.connected) throw new Error('Attempting to use a disconnected port object');
        self.posted.push(JSON.parse(JSON.stringify(message)) as BackgroundToContent);
      },
      disconnect() {
        self.connected = false;
      },
      onMessage: { addListener() {} },
      onDisconnect: { addListener: (l: () => void) => self.disconnectListeners.push(l) },
    } as unknown as chrome.runtime.Port;
  }

  responses(): Extract<BackgroundToContent, { type: 'response' }>[] {
    return this.posted.filter((m): m is Extract<BackgroundToContent, { type: 'response' }> => m.type === 'response');
  }
}

/** chrome.tabs.sendMessage stand-in: documents listed in `alive` receive; others throw like Chrome does. */
export class RecordingTabs implements TabMessaging {
  readonly delivered: { tabId: number; message: BackgroundDirect; options: { documentId?: string; frameId?: number } }[] = [];
  readonly alive = new Set<string>();
  topOrigins = new Map<number, string>();

  sendMessage = async (tabId: number, message: BackgroundDirect, options: { documentId?: string; frameId?: number }): Promise<unknown> => {
    if (options.frameId === 0) {
      const origin = this.topOrigins.get(tabId);
      if (origin === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { alive: true, origin };
    }
    if (options.documentId === undefined || !this.alive.has(options.documentId)) throw new Error('Could not establish connection. Receiving end does not exist.');
    this.delivered.push({ tabId, message: JSON.parse(JSON.stringify(message)) as BackgroundDirect, options });
    return message.type === 'ping' ? { alive: true } : undefined;
  };
}

/** chrome.windows/tabs stand-ins recording what the approval window did. */
export function recordingWindows(options: { popups: boolean }): WindowApis & { log: string[] } {
  const log: string[] = [];
  let next = 100;
  return {
    log,
    ...(options.popups
      ? {
          windows: {
            create: async (o: chrome.windows.CreateData) => {
              log.push(`window.create ${String(o.type)} ${String(o.url)}`);
              const id = next++;
              return { id, tabs: [{ id: next++ }] } as chrome.windows.Window;
            },
            update: async (id: number) => {
              log.push(`window.focus ${id}`);
              return { id } as chrome.windows.Window;
            },
            remove: async (id: number) => {
              log.push(`window.remove ${id}`);
            },
          },
        }
      : {}),
    tabs: {
      create: async (o: chrome.tabs.CreateProperties) => {
        log.push(`tab.create ${String(o.url)}`);
        return { id: next++ } as chrome.tabs.Tab;
      },
      update: async (id: number) => {
        log.push(`tab.focus ${id}`);
        return { id } as chrome.tabs.Tab;
      },
      remove: async (id: number) => {
        log.push(`tab.remove ${id}`);
      },
    },
  };
}
