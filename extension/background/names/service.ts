/**
 * Conflux Name Service resolution for the send form: `.web3` names on Core (CNS's only top-level
 * name; the registry does not serve `.cfx`), through the registry of the active network
 * (core/names knows mainnet's and testnet's; on the local dev network one the user names), with
 * both contract reads made by the account reader — cross-checked across node operators at the
 * verified epoch. The result carries its trust and every step, so the UI can show what was
 * resolved, through which contracts, and how far it is trusted; it never replaces a recipient by
 * itself.
 *
 * Threat model: nodes may lie about contract state; one operator's answer is single-source, a
 * disagreement is a conflict (resolved as `invalid_answer`, never as an address).
 * @module
 */
import { decodeCfxAddress, encodeCfxAddress } from '../../../core/address/cip37.js';
import { cnsDeployment, contractCallFrom, NamesError, resolveCnsName, type CnsDeployment } from '../../../core/names/index.js';
import type { NetworkKey } from '../../../core/rpc/pool/endpoint.js';
import type { NameResolutionView } from '../../shared/ui-api/names.js';
import type { NetworkRuntime } from '../chain/runtime.js';
import type { KeyValueArea } from '../storage-area.js';

export const LOCAL_REGISTRY_KEY = 'names.localRegistry';

export interface NamesChain {
  status(): { network: NetworkKey; chainIds: { core: number; espace: number } };
  activeRuntime(): NetworkRuntime;
}

export class NamesService {
  constructor(private readonly deps: { chain: NamesChain; area: KeyValueArea }) {}

  async resolve(name: string): Promise<NameResolutionView> {
    const deployment = await this.deployment();
    const reader = this.deps.chain.activeRuntime().reader;
    const result = await resolveCnsName(name, deployment, contractCallFrom((request) => reader.call('core', request)));
    return {
      name: result.name, normalized: result.normalized, changed: result.changed, status: result.status,
      address: result.status === 'resolved' ? result.address : null, reason: result.status === 'resolved' ? null : result.reason,
      registry: result.registry, trust: result.trust, epochs: result.epochs,
      steps: result.steps.map((s) => ({ step: s.step, contract: s.contract, result: s.result, trust: s.trust, epoch: s.epoch })),
    };
  }

  async setLocalRegistry(registry: string | null): Promise<void> {
    const { network, chainIds } = this.deps.chain.status();
    if (network !== 'local') throw new NamesError('names.unsupported_network', 'the registry of a public network is built in');
    if (registry === null) return this.deps.area.remove(LOCAL_REGISTRY_KEY);
    let decoded: ReturnType<typeof decodeCfxAddress>;
    try {
      decoded = decodeCfxAddress(registry);
    } catch (cause) {
      throw new NamesError('names.input', 'registry: not a Core address', { cause, details: 'registry' });
    }
    if (decoded.networkId !== chainIds.core) throw new NamesError('names.input', `registry: an address of network ${decoded.networkId}, not ${chainIds.core}`, { details: 'registry' });
    await this.deps.area.set(LOCAL_REGISTRY_KEY, encodeCfxAddress(decoded.hex, chainIds.core));
  }

  private async deployment(): Promise<CnsDeployment> {
    const { network, chainIds } = this.deps.chain.status();
    if (network !== 'local') return cnsDeployment(chainIds.core);
    const registry = await this.deps.area.get(LOCAL_REGISTRY_KEY);
    if (typeof registry !== 'string') throw new NamesError('names.unsupported_network', 'no name registry is set for the local network', { details: String(chainIds.core) });
    return { networkId: chainIds.core, registry, tlds: ['web3'] };
  }
}
