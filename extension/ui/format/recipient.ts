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

export type Space = 'core' | 'espace';

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
  if (networkId === 1029) return 'Conflux mainnet';
  if (networkId === 1) return 'Conflux testnet';
  return `network ${networkId}`;
}

function addressErrorMessage(error: unknown): string {
  if (!(error instanceof AddressError)) return 'This is not a valid address.';
  switch (error.code) {
    case 'address.checksum':
    case 'address.eip55_checksum':
      return 'This address has a typo: its checksum does not match. Copy it again from the source.';
    case 'address.prefix':
    case 'address.missing_prefix':
      return 'This address has no known network prefix (expected cfx:, cfxtest: or net…:).';
    case 'address.mixed_case':
      return 'This address mixes upper- and lower-case letters, which Conflux addresses never do.';
    case 'address.type_nibble':
      return 'This hex address is not a valid Core space address (Core addresses start with 0x1, 0x8 or 0x0).';
    default:
      return 'This is not a valid address. Check that it was copied completely.';
  }
}

/**
 * Validates `input` as a recipient in the given space and network.
 * @example checkRecipient('cfx:aar…', { space: 'core', networkId: 1029, fromHex, ownAccounts })
 */
export function checkRecipient(input: string, context: RecipientContext): RecipientCheck {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty', message: 'Enter the recipient’s address.' };
  const isHex = HEX_ADDRESS.test(text);
  const looksBase32 = text.includes(':');
  if (!isHex && !looksBase32) return { ok: false, problem: 'invalid', message: 'Enter a cfx:… address or a 0x… hex address.' };

  let hex: string;
  let coreType: ReturnType<typeof cfxAddressType> | undefined;
  const warnings: RecipientWarning[] = [];
  try {
    if (context.space === 'espace') {
      if (looksBase32) {
        return {
          ok: false,
          problem: 'wrong_space',
          message: 'This is a Core space address. On eSpace it would reach a different account; to move funds between spaces, use the cross-space transfer.',
        };
      }
      hex = parseEspaceAddress(text);
    } else if (looksBase32) {
      const decoded = decodeCfxAddress(text);
      if (decoded.networkId !== context.networkId) {
        return {
          ok: false,
          problem: 'wrong_network',
          message: `This address is for ${networkName(decoded.networkId)}, but you are on ${networkName(context.networkId)}. Ask for an address on this network.`,
        };
      }
      hex = decoded.hex;
      coreType = decoded.type;
    } else {
      hex = parseEspaceAddress(text);
      coreType = cfxAddressType(hexToBytes(hex, 20));
      warnings.push({
        kind: 'hex_on_core',
        message: 'Core space addresses are usually written as cfx:…. A 0x address may belong to eSpace — make sure the recipient expects funds on Core space.',
      });
    }
  } catch (error) {
    return { ok: false, problem: 'invalid', message: addressErrorMessage(error) };
  }

  if (coreType === 'null') return { ok: false, problem: 'null_address', message: 'This is the zero address. Anything sent there is lost forever.' };
  if (coreType === 'contract') {
    warnings.push({ kind: 'contract', message: 'This is a contract, not a personal account. Send only if you know this contract accepts this asset.' });
  }
  if (coreType === 'builtin') {
    warnings.push({ kind: 'builtin', message: 'This is a built-in system contract. Sending funds to it is almost never what you want.' });
  }
  if (hex === context.fromHex.toLowerCase()) {
    warnings.push({ kind: 'same_account', message: 'This is the account you are sending from. You will only pay the fee.' });
  } else {
    const label = context.ownAccounts.get(hex);
    if (label !== undefined) warnings.push({ kind: 'own_address', message: `This is your own account “${label}”.` });
  }
  const display = context.space === 'core' ? encodeCfxAddress(hex, context.networkId) : toChecksumAddress(hex);
  return { ok: true, hex, display, warnings };
}
