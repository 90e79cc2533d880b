/**
 * Typed failures of activity planning, CSV export and explorer links. `details` names the field.
 * @module
 */
import { WayfarerError } from '../errors.js';

export type ActivityErrorCode =
  /** A query, row or link argument is missing, malformed or out of range. */
  | 'activity.input'
  /** A log query spans one block/epoch and still cannot be split further. */
  | 'activity.unsplittable'
  /** A node's or contract's answer is not the shape asked for (a log list, an allowance word). */
  | 'activity.malformed_answer';

export class ActivityError extends WayfarerError {
  declare readonly code: ActivityErrorCode;

  constructor(code: ActivityErrorCode, message: string, options: { cause?: unknown; details?: string } = {}) {
    super(code, message, options);
  }
}
