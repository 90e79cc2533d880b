/**
 * A date and time as people read it, in a <time> element that machines can read too. Marked as a
 * value that changes between runs (`data-volatile`), so screenshots mask it.
 */
import type { ReactElement } from 'react';
import { formatDateTime } from '../format/time.js';

export function DateTime({ at }: { at: number }): ReactElement {
  return (
    <time data-volatile dateTime={new Date(at).toISOString()}>
      {formatDateTime(at)}
    </time>
  );
}
