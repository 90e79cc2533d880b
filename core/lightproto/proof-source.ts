/**
 * A {@link StateProofSource} over `clp` requests: what a verifier uses when it holds a light
 * session itself (the command-line verifier does, over TCP). The request function is injected.
 * @module
 */
import { bytesToHex } from '../encoding/hex.js';
import { stateKeyBytes, type StateKey } from '../state/keys.js';
import type { StateProofSource } from '../state/prove.js';
import { LightProtocolError } from './errors.js';
import type { LightRequest } from './requests.js';
import type { LightAnswer } from './responses.js';

export type LightRequestFn = (request: LightRequest) => Promise<LightAnswer>;

function wrongKind(answer: LightAnswer, asked: string): LightProtocolError {
  return new LightProtocolError('lightproto.unexpected', `a ${answer.kind} answer to a ${asked} request`);
}

export function lightProofSource(request: LightRequestFn): StateProofSource {
  return {
    async stateEntries(epoch: number, keys: readonly StateKey[]) {
      const params = [epoch, keys.map((k) => bytesToHex(stateKeyBytes(k)))];
      const answer = await request({ kind: 'state_entries', entries: keys.map((key) => ({ epoch, key })) });
      if (answer.kind !== 'state_entries') throw wrongKind(answer, 'state_entries');
      return answer.items.map((item) => ({ value: item, evidence: { request: 'GetStateEntries', params, answer: bytesToHex(item.raw) } }));
    },
    async witnessInfo(height: number) {
      const answer = await request({ kind: 'witness_info', heights: [height] });
      if (answer.kind !== 'witness_info') throw wrongKind(answer, 'witness_info');
      const item = answer.items.find((i) => i.height === height);
      return item === undefined ? null : { value: item, evidence: { request: 'GetWitnessInfo', params: [height], answer: bytesToHex(item.raw) } };
    },
  };
}
