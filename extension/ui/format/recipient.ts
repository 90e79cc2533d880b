/**
 * Checks a recipient the user typed or pasted before anything is signed to it.
 *
 * Threat model: a recipient arrives from a chat message, a QR code or an address-poisoning
 * transaction in the history. A wrong network, a Core address pasted into eSpace (or the other way
 * round), a typo caught by a checksum, or a contract that may not accept the asset each lose funds
 * the same way: silently. So every case gets its own outcome — a blocking problem, or a warning the
 * user must read — with a sentence a non-expert understands. Address rules come from core/address.
 * @module
 */
import { decodeCfxAddress, encodeCfxAddress } from '../../../core/address/cip37.js';
import { parseEspaceAddress, toChecksumAddress } from '../../../core/address/eip55.js';
import { AddressError } from '../../../core/address/errors.js';
import { cfxAddressType } from '../../../core/address/type.js';
import { hexToBytes } from '../../../core/encoding/hex.js';
import type { Space } from '../../../core/space.js';
import { t } from '../i18n/i18n.js';

export type RecipientWarning =
  | { kind: 'contract'; message: string }
  | { kind: 'builtin'; message: string }
  | { kind: 'own_address'; message: string }
  | { kind: 'same_account'; message: string }
  | { kind: 'hex_on_core'; message: string };

export type RecipientCheck =
  | { ok: true; hex: string; display: string; warnings: RecipientWarning[] }
  | { ok: false; problem: 'empty' | 'invalid' | 'wrong_network' | 'wrong_space' | 'null_address'; message: string };

export interface RecipientContext {
  space: Space;
  /** Core: the network id (1029, 1, …); eSpace: the chain id. Only Core addresses encode it. */
  networkId: number;
  /** Lower-case hex of the sending account. */
  fromHex: string;
  /** The user's own accounts, lower-case hex → label. */
  ownAccounts: ReadonlyMap<string, string>;
}

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function networkName(networkId: number): string {
  if (networkId === 1029) return t('network.mainnet');
  if (networkId === 1) return t('network.testnet');
  return t('network.other', { id: networkId });
}

function addressErrorMessage(error: unknown): string {
  if (!(error instanceof AddressError)) return t('recipient.invalid');
  switch (error.code) {
    case 'address.checksum':
    case 'address.eip55_checksum':
      return t('recipient.checksum');
    case 'address.prefix':
    case 'address.missing_prefix':
      return t('recipient.prefix');
    case 'address.mixed_case':
      return t('recipient.mixedCase');
    case 'address.type_nibble':
      return t('recipient.typeNibble');
    default:
      return t('recipient.incomplete');
  }
}

/**
 * Validates `input` as a recipient in the given space and network.
 * @example checkRecipient('cfx:aar…', { space: 'core', networkId: 1029, fromHex, ownAccounts })
 */
export function checkRecipient(input: string, context: RecipientContext): RecipientCheck {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty', message: t('recipient.empty') };
  const isHex = HEX_ADDRESS.test(text);
  const looksBase32 = text.includes(':');
  if (!isHex && !looksBase32) return { ok: false, problem: 'invalid', message: t('recipient.format') };

  let hex: string;
  let coreType: ReturnType<typeof cfxAddressType> | undefined;
  const warnings: RecipientWarning[] = [];
  try {
    if (context.space === 'espace') {
      if (looksBase32) {
        return {
          ok: false,
          problem: 'wrong_space',
          message: t('recipient.coreOnEspace'),
        };
      }
      hex = parseEspaceAddress(text);
    } else if (looksBase32) {
      const decoded = decodeCfxAddress(text);
      if (decoded.networkId !== context.networkId) {
        return {
          ok: false,
          problem: 'wrong_network',
          message: t('recipient.wrongNetwork', { theirs: networkName(decoded.networkId), ours: networkName(context.networkId) }),
        };
      }
      hex = decoded.hex;
      coreType = decoded.type;
    } else {
      hex = parseEspaceAddress(text);
      coreType = cfxAddressType(hexToBytes(hex, 20));
      warnings.push({
        kind: 'hex_on_core',
        message: t('recipient.hexOnCore'),
      });
    }
  } catch (error) {
    return { ok: false, problem: 'invalid', message: addressErrorMessage(error) };
  }

  if (coreType === 'null') return { ok: false, problem: 'null_address', message: t('recipient.nullAddress') };
  if (coreType === 'contract') {
    warnings.push({ kind: 'contract', message: t('recipient.contract') });
  }
  if (coreType === 'builtin') {
    warnings.push({ kind: 'builtin', message: t('recipient.builtin') });
  }
  if (hex === context.fromHex.toLowerCase()) {
    warnings.push({ kind: 'same_account', message: t('recipient.sameAccount') });
  } else {
    const label = context.ownAccounts.get(hex);
    if (label !== undefined) warnings.push({ kind: 'own_address', message: t('recipient.ownAccount', { label }) });
  }
  const display = context.space === 'core' ? encodeCfxAddress(hex, context.networkId) : toChecksumAddress(hex);
  return { ok: true, hex, display, warnings };
}
