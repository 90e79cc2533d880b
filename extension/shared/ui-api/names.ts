/**
 * UI methods of name resolution: Conflux Name Service (`.web3`) names on Core, resolved through the
 * registry of the active network with every contract read cross-checked at the verified epoch.
 * The local dev network has no CNS of its own; a registry deployed there can be named for it.
 * @module
 */
import type { Trust } from '../../../core/trust/types.js';
import { nullable, object, string } from '../schema.js';
import { uiMethod } from './define.js';

export interface NameResolutionView {
  name: string;
  normalized: string;
  /** Normalization changed what was typed (case, width…): the UI says what was looked up. */
  changed: boolean;
  status: 'resolved' | 'not_found' | 'invalid_answer';
  /** base32 Core address, when resolved. */
  address: string | null;
  reason: string | null;
  registry: string;
  /** Weakest trust of the reads. */
  trust: Trust;
  epochs: number[];
  steps: { step: string; contract: string; result: string | null; trust: Trust; epoch: number }[];
}

export const namesMethods = {
  /** Resolves a `.web3` name on the active network's Core space. */
  'names.resolve': uiMethod<NameResolutionView>()(object({ name: string({ min: 1, max: 255 }) })),
  /** The CNS registry used on the local dev network (null: none). Refused on public networks, whose registries are built in. */
  'names.setLocalRegistry': uiMethod<void>()(object({ registry: nullable(string({ min: 1, max: 128 })) })),
} as const;
