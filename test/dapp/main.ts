/**
 * Demo dApp entry: wires the buttons and exposes the same actions as `window.dapp` (the end-to-end
 * tests drive them and click the wallet's real approval page meanwhile).
 */
import { core } from './core.js';
import { espace } from './espace.js';
import { run } from './log.js';

const actions = {
  core: {
    addChain: () => run('core-log', 'add network', core.addChain),
    connect: () => run('core-log', 'connect', core.connect),
    accounts: () => run('core-log', 'accounts', core.accounts),
    chain: () => run('core-log', 'chain', core.chain),
    balance: () => run('core-log', 'balance', core.balance),
    sign: (message?: string) => run('core-log', 'personal_sign', () => core.sign(message)),
    signTyped: (chainId?: number) => run('core-log', 'typed data', () => core.signTyped(chainId)),
    send: () => run('core-log', 'send', async () => {
      const { hash } = await core.send();
      return { hash, receipt: await core.waitReceipt(hash) };
    }),
    fundEspace: (address?: string) =>
      run('core-log', 'fund eSpace', async () => {
        const target = address ?? espace.account();
        if (!target) throw new Error('connect the eSpace side first');
        const { hash } = await core.fundEspace(target);
        return { hash, receipt: await core.waitReceipt(hash) };
      }),
    switchChain: (chainId: number) => run('core-log', 'switch', () => core.switchChain(chainId)),
    revoke: () => run('core-log', 'disconnect', core.revoke),
    permissions: () => run('core-log', 'permissions', core.permissions),
    request: (method: string, params?: unknown) => run('core-log', method, () => core.request(method, params)),
    isFluent: core.isFluent,
  },
  espace: {
    info: espace.info,
    addChain: () => run('espace-log', 'add network', espace.addChain),
    connect: () => run('espace-log', 'connect', espace.connect),
    chain: () => run('espace-log', 'chain', espace.chain),
    balance: () => run('espace-log', 'balance', espace.balance),
    sign: (message?: string) => run('espace-log', 'personal_sign', () => espace.sign(message)),
    signTyped: (chainId?: number) => run('espace-log', 'typed data', () => espace.signTyped(chainId)),
    send: () => run('espace-log', 'send', espace.send),
    callReverting: () => run('espace-log', 'call (reverts)', espace.callReverting),
    switchChain: (id: number) => run('espace-log', 'switch', () => espace.switchChain(id)),
    revoke: () => run('espace-log', 'disconnect', espace.revoke),
    request: (method: string, params?: unknown) => run('espace-log', method, () => espace.request(method, params)),
  },
};

(window as unknown as { dapp: typeof actions }).dapp = actions;

const bind = (id: string, action: () => unknown) => document.getElementById(id)?.addEventListener('click', () => void action());
bind('core-add-chain', actions.core.addChain);
bind('core-connect', actions.core.connect);
bind('core-chain', actions.core.chain);
bind('core-balance', actions.core.balance);
bind('core-sign', () => actions.core.sign());
bind('core-typed', () => actions.core.signTyped());
bind('core-send', actions.core.send);
bind('core-revoke', actions.core.revoke);
bind('core-fund-espace', () => actions.core.fundEspace());
bind('espace-add-chain', actions.espace.addChain);
bind('espace-connect', actions.espace.connect);
bind('espace-chain', actions.espace.chain);
bind('espace-sign', () => actions.espace.sign());
bind('espace-typed', () => actions.espace.signTyped());
bind('espace-send', actions.espace.send);
bind('espace-revoke', actions.espace.revoke);
