/**
 * Signing throughput: Core transaction signing (type 2 and legacy), eSpace transaction signing,
 * personal_sign on both spaces, CIP-23 / EIP-712 signing, and raw-transaction decoding with sender
 * recovery. Baselines in the same run: js-conflux-sdk 2.6.0 for Core and personal_sign, viem for
 * eSpace. Ratios > 1 mean Wayfarer is faster.
 *
 * Note on the baselines: js-conflux-sdk signs and recovers through the native `secp256k1` addon
 * (C libsecp256k1) when it is built, while Wayfarer and viem use @noble/curves in pure JavaScript
 * (an extension cannot load native code). The "noble" rows give the primitive's own cost, i.e. the
 * floor for any pure-JS implementation.
 */
import { Message, PersonalMessage, Transaction } from 'js-conflux-sdk';
import { hashTypedData as viemHashTypedData, type TypedDataDefinition } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { measure, printTable, type Measurement } from './harness.js';
import { privateKeyFromHex } from '../core/keys/private-key.js';
import { decodeCoreTransaction } from '../core/tx/core-decode.js';
import { signCoreTransaction } from '../core/tx/core-sign.js';
import type { CoreTransactionInput } from '../core/tx/core-transaction.js';
import { signEspaceTransaction } from '../core/tx/espace-sign.js';
import type { EspaceTransactionInput } from '../core/tx/espace-transaction.js';
import { signCorePersonalMessage, signEspacePersonalMessage } from '../core/message/personal.js';
import { hashTypedData, signCip23TypedData, signEip712TypedData } from '../core/message/typed-data.js';

const PK = '0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const TO = '0x1b716c51381e76900ebaa7999a488511a4e1fd0a';
const CONTRACT = '0x8b017126d2fede908a86b36b43969f17d25f3770';
const DATA = `0xa9059cbb${'00'.repeat(12)}${TO.slice(2)}${'00'.repeat(30)}03e8`;

const core1559: CoreTransactionInput = {
  type: 2, chainId: 1029, nonce: 12n, maxPriorityFeePerGas: 1_000_000_000n, maxFeePerGas: 20_000_000_000n, gas: 60_000n, to: CONTRACT,
  value: 0n, storageLimit: 64n, epochHeight: 99_999_999n, data: DATA, accessList: [{ address: CONTRACT, storageKeys: [`0x${'00'.repeat(31)}01`] }],
};
const coreLegacy: CoreTransactionInput = {
  type: 0, chainId: 1029, nonce: 12n, gasPrice: 1_000_000_000n, gas: 21_000n, to: TO, value: 10n ** 18n, storageLimit: 0n, epochHeight: 99_999_999n, data: '0x',
};
const espace1559: EspaceTransactionInput = {
  type: 2, chainId: 1030, nonce: 12n, maxPriorityFeePerGas: 1_000_000_000n, maxFeePerGas: 20_000_000_000n, gas: 60_000n, to: CONTRACT, value: 0n, data: DATA,
  accessList: [{ address: CONTRACT, storageKeys: [`0x${'00'.repeat(31)}01`] }],
};

const MAIL = {
  types: {
    EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
    Person: [{ name: 'name', type: 'string' }, { name: 'wallets', type: 'address[]' }],
    Mail: [{ name: 'from', type: 'Person' }, { name: 'to', type: 'Person[]' }, { name: 'contents', type: 'string' }],
  },
  primaryType: 'Mail',
  domain: { name: 'Ether Mail', version: '1', chainId: 1030, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
  message: {
    from: { name: 'Cow', wallets: ['0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826', '0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF'] },
    to: [{ name: 'Bob', wallets: ['0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB', '0xB0BdaBea57B0BDABeA57b0bdABEA57b0BDabEa57'] }],
    contents: 'Hello, Bob!',
  },
};
const CORE_MAIL = { ...MAIL, types: { CIP23Domain: MAIL.types.EIP712Domain, Person: MAIL.types.Person, Mail: MAIL.types.Mail }, domain: { ...MAIL.domain, chainId: 1029 } };

function sdkTx(tx: CoreTransactionInput): Transaction {
  const fields: Record<string, unknown> = { ...tx, nonce: String(tx.nonce), gas: String(tx.gas), value: String(tx.value), storageLimit: String(tx.storageLimit), epochHeight: String(tx.epochHeight) };
  if (tx.type === 2) Object.assign(fields, { maxPriorityFeePerGas: String(tx.maxPriorityFeePerGas), maxFeePerGas: String(tx.maxFeePerGas) });
  if (tx.type === 0) fields['gasPrice'] = String(tx.gasPrice);
  return new Transaction(fields as ConstructorParameters<typeof Transaction>[0]);
}

type Row = { operation: string; wayfarer: Measurement; baseline?: { name: string; m: Measurement } };

export default async function run(): Promise<void> {
  const key = privateKeyFromHex(PK);
  const account = privateKeyToAccount(PK);
  const coreRaw = signCoreTransaction(core1559, key, 1029).raw;
  const rows: Row[] = [];
  const add = async (operation: string, ours: () => unknown, baselineName?: string, theirs?: () => unknown) => {
    const wayfarer = await measure(operation, ours);
    rows.push(baselineName !== undefined && theirs !== undefined ? { operation, wayfarer, baseline: { name: baselineName, m: await measure(baselineName, theirs) } } : { operation, wayfarer });
  };

  const hash = new Uint8Array(32).fill(3);
  const secret = key.exportBytes();
  const recovered = secp256k1.sign(hash, secret, { prehash: false, format: 'recovered' });
  await add('noble secp256k1 sign (primitive)', () => secp256k1.sign(hash, secret, { prehash: false, format: 'recovered' }));
  await add('noble secp256k1 recover (primitive)', () => secp256k1.recoverPublicKey(recovered, hash, { prehash: false }));
  await add('Core tx sign (type 2, access list)', () => signCoreTransaction(core1559, key, 1029), 'js-conflux-sdk', () => sdkTx(core1559).sign(PK, 1029).serialize());
  await add('Core tx sign (legacy transfer)', () => signCoreTransaction(coreLegacy, key, 1029), 'js-conflux-sdk', () => sdkTx(coreLegacy).sign(PK, 1029).serialize());
  await add('Core raw tx decode + sender', () => decodeCoreTransaction(coreRaw), 'js-conflux-sdk', () => Transaction.decodeRaw(coreRaw));
  await add('eSpace tx sign (EIP-1559)', () => signEspaceTransaction(espace1559, key, 1030), 'viem', () =>
    account.signTransaction({ type: 'eip1559', chainId: 1030, nonce: 12, maxPriorityFeePerGas: 1_000_000_000n, maxFeePerGas: 20_000_000_000n, gas: 60_000n, to: CONTRACT, value: 0n, data: DATA as `0x${string}`, accessList: [{ address: CONTRACT, storageKeys: [`0x${'00'.repeat(31)}01`] }] }),
  );
  await add('Core personal_sign', () => signCorePersonalMessage('Hello, Conflux!', key), 'js-conflux-sdk', () => PersonalMessage.sign(PK, 'Hello, Conflux!'));
  await add('eSpace personal_sign', () => signEspacePersonalMessage('Hello, Conflux!', key), 'viem', () => account.signMessage({ message: 'Hello, Conflux!' }));
  await add('EIP-712 hash (Mail, arrays)', () => hashTypedData(MAIL, 'espace'), 'viem', () => viemHashTypedData(MAIL as unknown as TypedDataDefinition));
  await add('EIP-712 sign', () => signEip712TypedData(MAIL, key, 1030), 'viem', () => account.signTypedData(MAIL as unknown as TypedDataDefinition));
  await add('CIP-23 sign', () => signCip23TypedData(CORE_MAIL, key, 1029), 'js-conflux-sdk Message.sign (hash precomputed)', () => Message.sign(PK, '0x' + '11'.repeat(32)));

  secret.fill(0);
  printTable(
    'Signing (ratio = Wayfarer ops/s ÷ baseline ops/s; > 1 is faster)',
    rows.map((r) => ({
      operation: r.operation,
      'Wayfarer ops/s': Math.round(r.wayfarer.opsPerSecond),
      baseline: r.baseline?.name ?? '—',
      'baseline ops/s': r.baseline === undefined ? '—' : Math.round(r.baseline.m.opsPerSecond),
      ratio: r.baseline === undefined ? '—' : r.wayfarer.opsPerSecond / r.baseline.m.opsPerSecond,
    })),
  );
}
