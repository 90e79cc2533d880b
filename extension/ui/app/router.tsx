/**
 * Hash routing (`popup.html#/send?asset=…`). Hash URLs survive the page being reopened as a full
 * tab, work with the browser's back button (the popup opens as a tab on mobile), and need no
 * server. Routes are matched from a table in App.tsx; params are decoded strings.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type ReactElement } from 'react';

export interface Location {
  path: string;
  query: URLSearchParams;
}

function readLocation(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useLocation(): Location {
  const raw = useSyncExternalStore(subscribe, readLocation);
  const [path = '/', search = ''] = raw.split('?', 2);
  return { path, query: new URLSearchParams(search) };
}

/** Goes to `to` (e.g. `/activity/0x…`). `replace` keeps the current entry out of history. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = `#${to}`;
  if (options.replace) window.location.replace(url);
  else window.location.hash = to;
}

/** Matches `/activity/:id` against `/activity/0x12`; returns decoded params or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i++) {
    const p = patternParts[i]!;
    const value = pathParts[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(value);
      } catch {
        return undefined;
      }
    } else if (p !== value) return undefined;
  }
  return params;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function Link({ to, ...rest }: LinkProps): ReactElement {
  return <a href={`#${to}`} {...rest} />;
}
