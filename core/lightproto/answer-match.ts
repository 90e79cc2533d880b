/**
 * Matching an answer to the request it claims to answer: the kind must be the asked kind, and
 * every item must answer something that was asked, once. Missing items are fine (the node drops
 * what it cannot produce); anything else is a well-formed but unexpected message from the node.
 * @module
 */
import { bytesToHex } from '../encoding/hex.js';
import { sameStateKey } from '../state/keys.js';
import { LightProtocolError } from './errors.js';
import type { LightRequest } from './requests.js';
import type { LightAnswer } from './responses.js';

function unexpected(message: string): LightProtocolError {
  return new LightProtocolError('lightproto.unexpected', message);
}

/**
 * @throws {LightProtocolError} `lightproto.unexpected`
 */
export function checkAnswerItems(request: LightRequest, answer: LightAnswer): void {
  if (request.kind !== answer.kind) throw unexpected(`a ${answer.kind} answer to a ${request.kind} request`);
  const seen = new Set<string>();
  const once = (id: string) => {
    if (seen.has(id)) throw unexpected(`the ${answer.kind} answer repeats ${id}`);
    seen.add(id);
  };
  switch (answer.kind) {
    case 'state_roots':
    case 'witness_info': {
      const asked = new Set(request.kind === 'state_roots' ? request.epochs : request.kind === 'witness_info' ? request.heights : []);
      for (const item of answer.items) {
        const n = 'epoch' in item ? item.epoch : item.height;
        if (!asked.has(n)) throw unexpected(`the ${answer.kind} answer has ${n}, which was not asked`);
        once(String(n));
      }
      return;
    }
    case 'state_entries': {
      const asked = request.kind === 'state_entries' ? request.entries : [];
      for (const item of answer.items) {
        const index = asked.findIndex((a) => a.epoch === item.epoch && sameStateKey(a.key, item.key));
        if (index < 0) throw unexpected(`the state entries answer has an entry at epoch ${item.epoch} that was not asked`);
        once(String(index));
      }
      return;
    }
    case 'block_headers': {
      const asked = new Set<string>(request.kind === 'block_headers' ? request.hashes.map(bytesToHex) : []);
      for (const item of answer.items) {
        if (!asked.has(item.hash)) throw unexpected(`the headers answer has ${item.hash}, which was not asked (or its fields do not hash to it)`);
        once(item.hash);
      }
      return;
    }
  }
}
