/**
 * The provider's view of the chain: the active network of each space, reads through the node
 * pool, nonces, broadcasting — adapted from the network session and the jobs over it (chain/).
 *
 * Wayfarer only uses networks it knows how to verify: Conflux mainnet, testnet and a local dev
 * node, each a pair of chain ids (Core, eSpace) switched together. So `wallet_switch…Chain` maps a
 * chain id to one of them; `wallet_add…Chain` can only add nodes to one of them (for the local dev
 * node: the dApp's suggested URL) and switch to it; a chain id outside the three is unknown.
 * Node errors (a reverting `eth_call`, an unknown block) reach the dApp as the node gave them;
 * "no node answered" becomes 4901.
 *
 * Network switches — made by a dApp or in the wallet UI — reach the provider's listeners from the
 * background's bus (`networkChanged`, see ../events.ts), once per space whose chain id changed.
 * @module
 */
import type { Hex } from '../../../core/encoding/hex.js';
import type { BackgroundBus } from '../events.js';
import type { ChainService } from '../chain/service.js';
import { NETWORKS, type NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import { InvalidInputError, WayfarerError } from '../../../core/errors.js';
import { NoNodeAvailableError } from '../../../core/rpc/pool/errors.js';
import { SPACES, type Space } from '../../../core/space.js';
import { chainDisconnected, NodeRpcError, unsupportedMethod } from './errors.js';
import type { ProviderChain, ProviderNetwork } from './wallet-services.js';
import { nodeAnswer, verifiedNextNonce } from '../transactions/draft-chain.js';

/** What the provider uses of the chain (structural; {@link chainServiceSlice} builds it from chain/service.ts). */
export interface ChainServiceSlice {
  status(): { network: NetworkKey; chainIds: { core: number; espace: number } };
  setNetwork(network: NetworkKey): Promise<unknown>;
  /** Node ids are `<network>/<space>/<url>`. */
  nodes(): { id: string; space: Space | 'gateway' }[];
  addNode(input: { space: Space; url: string; site?: string }): Promise<unknown>;
  read(space: Space, method: string, params: readonly unknown[]): Promise<unknown>;
  nextNonce(space: Space, address: string): Promise<bigint>;
  sendRawTransaction(space: Space, raw: Hex): Promise<Hex>;
  /** Syncs the light client (shared when one is running). */
  sync(): Promise<unknown>;
  /** Calls `listener` with the new chain ids after each network switch; returns the function that stops it. */
  onNetworkChanged(listener: (chainIds: { core: number; espace: number }) => void): () => void;
}

/** The slice of the running chain (session and jobs) and the bus's network switches. */
export function chainServiceSlice(chain: ChainService, bus: BackgroundBus): ChainServiceSlice {
  const { session, nodes, accounts, tracking } = chain;
  return {
    status: () => session.status(),
    setNetwork: (network) => session.setNetwork(network),
    nodes: () => nodes.nodes(),
    addNode: (input) => nodes.addNode(input),
    read: (space, method, params) => session.read(space, method, params),
    nextNonce: (space, address) => accounts.nextNonce(space, address),
    sendRawTransaction: (space, raw) => tracking.sendRawTransaction(space, raw),
    sync: () => session.sync(),
    onNetworkChanged: (listener) => bus.on('networkChanged', ({ chainIds }) => listener(chainIds)),
  };
}

/** What the provider uses of the token list (extension/background/tokens). */
export interface TokenWatcher {
  watch(space: Space, chainId: number, asset: { address: string; symbol: string; decimals: number }): Promise<void>;
}

const SPACE_LABEL: Readonly<Record<Space, string>> = { core: 'Core', espace: 'eSpace' };

export class ChainAdapter implements ProviderChain {

  constructor(
    private readonly chain: ChainServiceSlice,
    private readonly tokens: TokenWatcher,
  ) {}

  private networkOf(key: NetworkKey, space: Space): ProviderNetwork {
    const status = this.chain.status();
    const active = status.network === key;
    const ids = active ? status.chainIds : { core: NETWORKS[key].coreChainId, espace: NETWORKS[key].espaceChainId };
    return {
      space,
      chainId: ids[space],
      name: `${NETWORKS[key].label} (${SPACE_LABEL[space]})`,
      currencySymbol: 'CFX',
      currencyName: 'Conflux',
      rpcUrls: active ? this.nodeUrls(space) : [],
    };
  }

  private nodeUrls(space: Space): string[] {
    return this.chain
      .nodes()
      .filter((n) => n.space === space)
      .map((n) => n.id.split('/').slice(2).join('/'));
  }

  private keyFor(space: Space, chainId: number): NetworkKey | undefined {
    const status = this.chain.status();
    if (status.chainIds[space] === chainId) return status.network;
    return (Object.keys(NETWORKS) as NetworkKey[]).find((key) => key !== status.network && (space === 'core' ? NETWORKS[key].coreChainId : NETWORKS[key].espaceChainId) === chainId);
  }

  async activeNetwork(space: Space): Promise<ProviderNetwork> {
    return this.networkOf(this.chain.status().network, space);
  }

  async findNetwork(space: Space, chainId: number): Promise<ProviderNetwork | undefined> {
    const key = this.keyFor(space, chainId);
    return key === undefined ? undefined : this.networkOf(key, space);
  }

  async switchNetwork(space: Space, chainId: number): Promise<void> {
    const key = this.keyFor(space, chainId);
    if (key === undefined) throw chainDisconnected(`Chain ${chainId} is not a network Wayfarer can use`);
    await this.chain.setNetwork(key);
    void this.chain.sync().catch(() => undefined); // start verifying the new network at once
  }

  async addNetwork(network: ProviderNetwork, site: string): Promise<void> {
    const key = this.keyFor(network.space, network.chainId);
    if (key === undefined) throw chainDisconnected(`Chain ${network.chainId} is not a network Wayfarer can use`);
    await this.chain.setNetwork(key);
    const known = new Set(this.nodeUrls(network.space));
    for (const url of network.rpcUrls) if (!known.has(url)) await this.chain.addNode({ space: network.space, url, site });
    void this.chain.sync().catch(() => undefined);
  }

  async watchToken(space: Space, chainId: number, asset: { address: string; symbol: string; decimals: number }): Promise<void> {
    await this.tokens.watch(space, chainId, asset);
  }

  async read(space: Space, method: string, params: readonly unknown[]): Promise<unknown> {
    try {
      return await this.chain.read(space, method, params);
    } catch (error) {
      // The node pool only forwards methods whose answers it can validate; the rest are not served.
      if (error instanceof InvalidInputError) throw unsupportedMethod(method, 'the wallet\'s node pool does not serve it');
      throw this.translate(error);
    }
  }

  chainId(space: Space): number {
    return this.chain.status().chainIds[space];
  }

  nodeRefusal(error: unknown): string | undefined {
    return error instanceof NodeRpcError ? error.message : undefined;
  }

  async nextNonce(space: Space, address: string): Promise<bigint> {
    try {
      return await verifiedNextNonce(this.chain, space, address);
    } catch (error) {
      throw this.translate(error);
    }
  }

  async sendRawTransaction(space: Space, raw: Hex): Promise<Hex> {
    try {
      return await this.chain.sendRawTransaction(space, raw);
    } catch (error) {
      throw this.translate(error);
    }
  }

  onNetworkChange(listener: (space: Space) => void): () => void {
    let before = { ...this.chain.status().chainIds };
    return this.chain.onNetworkChanged((now) => {
      const changed = SPACES.filter((space) => before[space] !== now[space]);
      before = { ...now };
      for (const space of changed) listener(space);
    });
  }

  private translate(error: unknown): unknown {
    // Nodes that answered with an error (a call that reverts, a transaction they reject) gave the answer.
    const answer = nodeAnswer(error);
    if (answer) return new NodeRpcError(answer.rpcCode, answer.rpcMessage, answer.rpcData);
    if (error instanceof NoNodeAvailableError) return chainDisconnected('No node of the active network gave a usable answer; try again later', error);
    if (error instanceof WayfarerError && error.code.startsWith('lightclient.')) return chainDisconnected('Wayfarer could not verify the network state this request needs yet; try again shortly');
    return error;
  }
}
