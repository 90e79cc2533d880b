/**
 * Typed failures of the light-protocol (`clp`) codec and session.
 *
 * The peer at the other end of a `clp` session is untrusted and the transport carries no MAC after
 * the handshake, so anything may arrive: every malformed, oversized or unexpected input becomes one
 * of these codes instead of a crash, and a request the node could choke on is refused before it
 * is built (`lightproto.request_invalid`). A session that reports one of the fatal codes is closed.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type LightProtocolErrorCode =
  /** A frame announces more bytes than the receiver accepts. */
  | 'lightproto.frame_oversized'
  /** The connection ended in the middle of a frame. */
  | 'lightproto.frame_truncated'
  /** An ECIES message failed its size, key or MAC check. */
  | 'lightproto.ecies'
  /** A handshake message had the wrong size or echoed the wrong nonce. */
  | 'lightproto.handshake'
  /** A session packet is malformed (missing id, unknown header version, extensions, wrong protocol). */
  | 'lightproto.packet'
  /** The peer's Hello is malformed, for another network, or lacks `clp`. */
  | 'lightproto.hello'
  /** The peer closed the session with a Disconnect packet (reason in `details`). */
  | 'lightproto.disconnected'
  /** A `clp` message is malformed or of a kind a light client never receives. */
  | 'lightproto.message'
  /** A well-formed message the session did not ask for (unknown request id, unrequested items, wrong kind). */
  | 'lightproto.unexpected'
  /** The peer's status names another chain or genesis, or is not a full node. */
  | 'lightproto.status'
  /** The node throttled a request (it asked to wait `details`). */
  | 'lightproto.throttled'
  /** A request was refused before encoding: it would be malformed for the node. */
  | 'lightproto.request_invalid'
  /** The session is not (or no longer) able to carry the operation. */
  | 'lightproto.closed'
  /** No answer in time (reported by drivers; the state machine has no clock). */
  | 'lightproto.timeout';

export class LightProtocolError extends WayfarerError {
  declare readonly code: LightProtocolErrorCode;

  constructor(code: LightProtocolErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
