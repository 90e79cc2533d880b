/**
 * The Core space half: js-conflux-sdk over `window.conflux`, the way Conflux dApps use Fluent.
 * Signatures are verified here with js-conflux-sdk (and viem's EIP-712 struct hashing for the
 * CIP-23 domain), never taken on trust.
 */
import { Conflux, Drip, Message, PersonalMessage, format, sign } from 'js-conflux-sdk';
import { concat, hashStruct, keccak256 } from 'viem';
import { config } from './config.js';

interface InjectedConflux {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): void;
  isFluent?: boolean;
}

function injected(): InjectedConflux {
  const provider = (window as unknown as { conflux?: InjectedConflux }).conflux;
  if (!provider) throw new Error('window.conflux is missing: is the wallet installed?');
  return provider;
}

async function sdk(): Promise<Conflux> {
  const chainId = Number(await injected().request({ method: 'cfx_chainId' }));
  const conflux = new Conflux({ networkId: chainId });
  conflux.provider = injected() as unknown as Conflux['provider'];
  return conflux;
}

let account: string | undefined;

/** Core address (base32 on `networkId`) of the key that produced a signature over `hash`. */
function signer(signature: string, hash: string | Uint8Array, networkId: number): string {
  const publicKey = Message.recover(signature, typeof hash === 'string' ? hash : `0x${Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')}`);
  return format.address(sign.publicKeyToAddress(format.hexBuffer(publicKey)), networkId);
}

export const typedData = (chainId: number) => ({
  types: {
    CIP23Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
    ],
    Mail: [
      { name: 'from', type: 'string' },
      { name: 'contents', type: 'string' },
      { name: 'amount', type: 'uint256' },
    ],
  },
  primaryType: 'Mail',
  domain: { name: 'Wayfarer demo', version: '1', chainId },
  message: { from: 'demo', contents: 'Hello, Core space', amount: '42' },
});

export const core = {
  addChain: () =>
    injected().request({
      method: 'wallet_addConfluxChain',
      params: [{ chainId: `0x${config.coreChainId.toString(16)}`, chainName: 'Local Conflux dev node', nativeCurrency: { name: 'Conflux', symbol: 'CFX', decimals: 18 }, rpcUrls: [config.coreRpc] }],
    }),
  switchChain: (chainId: number) => injected().request({ method: 'wallet_switchConfluxChain', params: [{ chainId: `0x${chainId.toString(16)}` }] }),
  connect: async () => {
    const accounts = (await injected().request({ method: 'cfx_requestAccounts' })) as string[];
    account = accounts[0];
    return accounts;
  },
  accounts: () => injected().request({ method: 'cfx_accounts' }),
  chain: async () => {
    const conflux = await sdk();
    const status = await conflux.cfx.getStatus();
    return { chainId: await injected().request({ method: 'cfx_chainId' }), netVersion: await injected().request({ method: 'cfx_netVersion' }), sdkStatusChainId: Number(status.chainId), epoch: Number(await conflux.cfx.getEpochNumber()) };
  },
  balance: async () => {
    if (!account) throw new Error('connect first');
    return (await (await sdk()).cfx.getBalance(account)).toString();
  },
  sign: async (message = 'Hello from the demo dApp ✓') => {
    if (!account) throw new Error('connect first');
    const signature = (await injected().request({ method: 'personal_sign', params: [message, account] })) as string;
    const networkId = Number(await injected().request({ method: 'cfx_chainId' }));
    const recovered = format.address(sign.publicKeyToAddress(format.hexBuffer(PersonalMessage.recover(signature, message))), networkId);
    return { signature, recovered, verified: recovered === account };
  },
  signTyped: async (chainId?: number) => {
    if (!account) throw new Error('connect first');
    const networkId = Number(await injected().request({ method: 'cfx_chainId' }));
    const data = typedData(chainId ?? networkId);
    const signature = (await injected().request({ method: 'cfx_signTypedData_v4', params: [account, JSON.stringify(data)] })) as string;
    // CIP-23 = EIP-712 with the domain type named CIP23Domain: hash both structs with viem, combine.
    const types = data.types as unknown as Parameters<typeof hashStruct>[0]['types'];
    const hash = keccak256(concat(['0x1901', hashStruct({ data: data.domain, primaryType: 'CIP23Domain', types }), hashStruct({ data: data.message, primaryType: 'Mail', types })]));
    const recovered = signer(signature, hash, networkId);
    return { signature, recovered, verified: recovered === account };
  },
  send: async () => {
    if (!account) throw new Error('connect first');
    const conflux = await sdk();
    const hash: string = await conflux.cfx.sendTransaction({ from: account, to: account, value: Drip.fromCFX(1) });
    return { hash };
  },
  /** Moves CFX to an eSpace address with the CrossSpaceCall internal contract (a contract call through the wallet). */
  fundEspace: async (espaceAddress: string, cfx = 10) => {
    if (!account) throw new Error('connect first');
    const conflux = await sdk();
    const crossSpace = conflux.InternalContract('CrossSpaceCall');
    const hash: string = await crossSpace.transferEVM(espaceAddress).sendTransaction({ from: account, value: Drip.fromCFX(cfx) });
    return { hash };
  },
  waitReceipt: async (hash: string) => {
    const conflux = await sdk();
    for (let i = 0; i < 120; i++) {
      const receipt = await conflux.cfx.getTransactionReceipt(hash);
      if (receipt) return { outcomeStatus: receipt.outcomeStatus, epochNumber: receipt.epochNumber, from: receipt.from, to: receipt.to };
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('not mined in time');
  },
  revoke: () => injected().request({ method: 'wallet_revokePermissions', params: [{ cfx_accounts: {} }] }),
  permissions: () => injected().request({ method: 'wallet_getPermissions' }),
  request: (method: string, params?: unknown) => injected().request({ method, ...(params === undefined ? {} : { params }) }),
  isFluent: () => injected().isFluent === true,
};
