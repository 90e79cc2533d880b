/**
 * A QR code drawn as one SVG path (no canvas, no data: URL, no inline styles: the page's CSP
 * stays strict). Encoding is @paulmillr/qr; medium error correction survives a scratched screen.
 */
import { useMemo, type ReactElement } from 'react';
import encodeQR from '@paulmillr/qr';

const QUIET_ZONE = 2;

export function QrCode({ value, label }: { value: string; label: string }): ReactElement {
  const { size, path } = useMemo(() => {
    const modules = encodeQR(value, 'raw', { ecc: 'medium', border: 0 });
    const n = modules.length;
    let d = '';
    modules.forEach((row, y) => {
      let x = 0;
      while (x < n) {
        if (!row[x]) {
          x++;
          continue;
        }
        const start = x;
        while (x < n && row[x]) x++;
        d += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`;
      }
    });
    return { size: n + 2 * QUIET_ZONE, path: d };
  }, [value]);
  return (
    <svg className="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid="qr">
      <rect className="qr-bg" width={size} height={size} />
      <path d={path} />
    </svg>
  );
}
