/**
 * The eSpace half: finds the wallet through EIP-6963 (no reliance on window.ethereum) and uses it
 * with viem. Signatures are verified locally with viem.
 */
import { BaseError, createPublicClient, createWalletClient, custom, defineChain, parseEther, verifyMessage, verifyTypedData, type EIP1193Provider, type WalletClient } from 'viem';
import { config } from './config.js';
import { REVERTING_INIT_CODE } from './reverting.js';

interface ProviderDetail {
  info: { uuid: string; name: string; icon: string; rdns: string };
  provider: EIP1193Provider;
}

export const discovered: ProviderDetail[] = [];

window.addEventListener('eip6963:announceProvider', (event) => {
  const detail = (event as CustomEvent<ProviderDetail>).detail;
  if (!discovered.some((d) => d.info.uuid === detail.info.uuid)) discovered.push(detail);
  const label = document.getElementById('espace-wallet');
  if (label) label.textContent = `Wallets found: ${discovered.map((d) => `${d.info.name} (${d.info.rdns})`).join(', ')}`;
});
window.dispatchEvent(new Event('eip6963:requestProvider'));

function wallet(): ProviderDetail {
  const found = discovered.find((d) => d.info.rdns === 'app.wayfarer') ?? discovered[0];
  if (!found) throw new Error('no EIP-6963 wallet announced');
  return found;
}

export const localChain = () =>
  defineChain({ id: config.espaceChainId, name: 'Local Conflux eSpace', nativeCurrency: { name: 'Conflux', symbol: 'CFX', decimals: 18 }, rpcUrls: { default: { http: [config.espaceRpc] } } });

const walletClient = (): WalletClient => createWalletClient({ transport: custom(wallet().provider) });
const publicClient = () => createPublicClient({ transport: custom(wallet().provider) });

let account: `0x${string}` | undefined;


export const typedData = (chainId: number) =>
  ({
    domain: { name: 'Wayfarer demo', version: '1', chainId },
    types: { Mail: [{ name: 'contents', type: 'string' }, { name: 'amount', type: 'uint256' }] },
    primaryType: 'Mail',
    message: { contents: 'Hello, eSpace', amount: 7n },
  }) as const;

export const espace = {
  info: () => wallet().info,
  account: () => account,
  addChain: () => walletClient().addChain({ chain: localChain() }),
  switchChain: (id: number) => walletClient().switchChain({ id }),
  connect: async () => {
    const addresses = await walletClient().requestAddresses();
    account = addresses[0];
    return addresses;
  },
  chain: async () => ({ chainId: await publicClient().getChainId(), blockNumber: Number(await publicClient().getBlockNumber()) }),
  balance: async () => {
    if (!account) throw new Error('connect first');
    return (await publicClient().getBalance({ address: account })).toString();
  },
  sign: async (message = 'Hello from the demo dApp on eSpace') => {
    if (!account) throw new Error('connect first');
    const signature = await walletClient().signMessage({ account, message });
    return { signature, verified: await verifyMessage({ address: account, message, signature }) };
  },
  signTyped: async (chainId?: number) => {
    if (!account) throw new Error('connect first');
    const data = typedData(chainId ?? (await publicClient().getChainId()));
    const signature = await walletClient().signTypedData({ account, ...data });
    return { signature, verified: await verifyTypedData({ address: account, ...data, signature }) };
  },
  send: async () => {
    if (!account) throw new Error('connect first');
    const hash = await walletClient().sendTransaction({ account, to: account, value: parseEther('0.5'), chain: null });
    const receipt = await publicClient().waitForTransactionReceipt({ hash, pollingInterval: 500, timeout: 60_000 });
    return { hash, status: receipt.status, blockNumber: Number(receipt.blockNumber) };
  },
  /** A call that reverts: what viem makes of the wallet's answer (its message and the revert data it found). */
  callReverting: async () => {
    try {
      await publicClient().call({ data: REVERTING_INIT_CODE });
      return { reverted: false };
    } catch (error) {
      if (!(error instanceof BaseError)) throw error;
      const withData = error.walk((e) => typeof (e as { data?: unknown }).data === 'string') as { data?: string } | null;
      return { reverted: true, shortMessage: error.shortMessage, data: withData?.data ?? null };
    }
  },
  revoke: () => wallet().provider.request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] } as never),
  request: (method: string, params?: unknown) => wallet().provider.request({ method, ...(params === undefined ? {} : { params }) } as never),
};
