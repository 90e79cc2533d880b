/**
 * React hooks over the background client: a query that refreshes on events and after the worker
 * restarts, remembers its last result for the next first paint, and never hides its error.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UiEvents, UiMethodName, UiParams, UiResult } from '../../shared/ui-api/index.js';
import { recall, remember } from '../lib/last-known.js';
import { background } from './client.js';
import { onLanguageChange } from '../i18n/i18n.js';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Set while `data` is the remembered value from an earlier visit (ms since epoch). */
  lastKnownAt: number | undefined;
  refresh: () => void;
}

export interface QueryOptions {
  /** Events after which the query runs again. */
  refreshOn?: readonly (keyof UiEvents)[];
  /** Remember results under this key (include anything that scopes them, e.g. the account). */
  rememberAs?: string | undefined;
  /** Poll every this many ms while the page is visible. */
  pollMs?: number;
  /** Skip the call (e.g. until a dependency is known). */
  enabled?: boolean;
  /**
   * Events after which the query runs again at once, not throttled like `refreshOn`: changes the
   * user must see before acting again (a network switch).
   */
  refreshAtOnceOn?: readonly (keyof UiEvents)[];
  /** Least time between two event-driven runs (default 3 s; progress displays use less). */
  eventRefreshMs?: number;
}

/** Least time between two event-driven refreshes of one query. */
const EVENT_REFRESH_MS = 3000;

type ParamsArg<M extends UiMethodName> = UiParams<M> extends void ? [] : [UiParams<M>];

/** A background method as a query (see {@link useAsync}). */
export function useQuery<M extends UiMethodName>(method: M, params: UiParams<M> | undefined, options: QueryOptions = {}): QueryState<UiResult<M>> {
  const paramsKey = JSON.stringify(params ?? null);
  return useAsync(
    () => background.call(method, ...((params === undefined ? [] : [params]) as ParamsArg<M>)),
    `${method}:${paramsKey}`,
    options,
  );
}

/**
 * Runs `load` now, again when `key` changes, on the listed events, after a worker restart and on
 * the poll interval; remembers results under `rememberAs` for the next first paint.
 */
export function useAsync<T>(load: () => Promise<T>, key: string, options: QueryOptions = {}): QueryState<T> {
  const { rememberAs, pollMs, enabled = true } = options;
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean; lastKnownAt: number | undefined }>(() => {
    const remembered = rememberAs ? recall<T>(rememberAs) : undefined;
    return { data: remembered?.value, error: undefined, loading: enabled, lastKnownAt: remembered?.at };
  });
  // Requests are numbered; a response older than one already shown is dropped, a newer one is
  // always shown (a stream of refreshes must not starve the screen of every answer).
  const started = useRef(0);
  const shown = useRef(0);
  const inFlight = useRef(0);
  const lastEventRun = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    if (!enabled) return;
    const mine = ++started.current;
    inFlight.current++;
    // The same state when already loading (the first run): React then skips a render the first
    // screen would otherwise pay before its first frame.
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    loadRef.current().then(
      (data) => {
        inFlight.current--;
        if (mine < shown.current) return;
        shown.current = mine;
        if (rememberAs) remember(rememberAs, data);
        setState({ data, error: undefined, loading: inFlight.current > 0, lastKnownAt: undefined });
      },
      (error: unknown) => {
        inFlight.current--;
        if (mine < shown.current) return;
        shown.current = mine;
        setState((s) => ({ ...s, error, loading: inFlight.current > 0 }));
      },
    );
  }, [key, rememberAs, enabled]);

  // A new key (another account or network) starts from what was remembered for that key.
  const first = useRef(true);
  useEffect(() => {
    if (!first.current) {
      const remembered = rememberAs ? recall<T>(rememberAs) : undefined;
      setState({ data: remembered?.value, error: undefined, loading: enabled, lastKnownAt: remembered?.at });
    }
    first.current = false;
    run();
  }, [run]);

  // Events re-run the query at most every EVENT_REFRESH_MS, and never twice at once: an event that
  // arrives meanwhile schedules one trailing run, so no change is missed and a read that itself
  // causes the event (a balance read announces new balances) cannot loop faster than that.
  const refreshOn = options.refreshOn ?? [];
  const atOnce = options.refreshAtOnceOn ?? [];
  const eventsKey = `${refreshOn.join(',')}/${atOnce.join(',')}`;
  useEffect(() => {
    let timer: number | undefined;
    const onEvent = () => {
      if (timer !== undefined) return;
      const wait = Math.max(0, lastEventRun.current + (options.eventRefreshMs ?? EVENT_REFRESH_MS) - Date.now());
      timer = window.setTimeout(function fire() {
        if (inFlight.current > 0) {
          timer = window.setTimeout(fire, 200);
          return;
        }
        timer = undefined;
        lastEventRun.current = Date.now();
        run();
      }, wait);
    };
    const offs = refreshOn.map((name) => background.on(name, onEvent));
    for (const name of atOnce) offs.push(background.on(name, () => run()));
    offs.push(background.onReconnect(() => run()));
    // Results are turned into text in the language shown: read again in the new one.
    offs.push(onLanguageChange(() => run()));
    return () => {
      offs.forEach((off) => off());
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [run, eventsKey]);

  useEffect(() => {
    if (!pollMs) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') run();
    }, pollMs);
    return () => window.clearInterval(timer);
  }, [run, pollMs]);

  return { ...state, refresh: run };
}

/** Subscribes to a background event for the component's lifetime. */
export function useEvent<E extends keyof UiEvents>(name: E, handler: (data: UiEvents[E]) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => background.on(name, (data) => ref.current(data)), [name]);
}

/** State for a one-off action (unlock, send, add node): busy flag and error, cleared on retry. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): { run: (...args: A) => Promise<R | undefined>; busy: boolean; error: unknown; reset: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(undefined);
      try {
        return await action(...args);
      } catch (e) {
        if (mounted.current) setError(e);
        return undefined;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, reset: () => setError(undefined) };
}
