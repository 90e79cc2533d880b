/**
 * The approval page's state: which request is shown, its decoded view, and the user's decision.
 *
 * Reloads whenever the background says the set of approvals or the lock state changed, and after
 * the background restarted (the worker may be stopped while the user reads). A decision that the
 * background refuses because the wallet locked in the meantime just shows the unlock form again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { background, BackgroundDisconnectedError, BackgroundError } from '../api/client.js';
import type { ApprovalView } from '../../shared/ui-api/provider.js';
import { t } from '../i18n/i18n.js';
import { errorText } from '../i18n/errors.js';

export type ApprovalState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: ApprovalView; busy: boolean; error: string | null };

export interface ApprovalController {
  state: ApprovalState;
  reload: () => void;
  /** Approves or rejects the request shown (an approval's work is done by the background). */
  decide: (approve: boolean, accountId?: string) => Promise<void>;
  /**
   * Sends an edit of the request shown (spending cap, gas limit) and shows the request as the
   * background now holds it. Rejects with an Error whose message is ready to show.
   */
  edit: (change: (id: string) => Promise<ApprovalView>) => Promise<void>;
}

function message(error: unknown): string {
  if (error instanceof BackgroundDisconnectedError) return t('approval.restarted');
  return errorText(error);
}

const MAX_STATE_RETRIES = 3;

export function useApproval(): ApprovalController {
  const [state, setState] = useState<ApprovalState>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(async (preferredId?: string | null, retries = MAX_STATE_RETRIES): Promise<void> => {
    const mine = ++generation.current;
    try {
      const list = await background.call('provider.listApprovals');
      const id = preferredId && list.some((a) => a.id === preferredId) ? preferredId : list[0]?.id;
      if (id === undefined) {
        if (mine === generation.current) setState({ status: 'empty' });
        return;
      }
      const view = await background.call('provider.getApproval', { id });
      if (mine === generation.current) setState({ status: 'ready', view, busy: false, error: null });
    } catch (error) {
      if (mine !== generation.current) return;
      // The request was decided or withdrawn between listing and reading it: show the next one.
      // Bounded, so a background that keeps answering this cannot spin the page.
      if (error instanceof BackgroundError && error.code === 'provider.approval_state' && retries > 0) return load(null, retries - 1);
      setState({ status: 'error', message: message(error) });
    }
  }, []);

  const reload = useCallback(() => void load(state.status === 'ready' ? state.view.id : null), [load, state]);

  useEffect(() => {
    void load();
    const offs = [
      background.on('provider.approvalsChanged', () => void load(currentId())),
      background.on('vault.changed', () => void load(currentId())),
      background.onReconnect(() => void load(currentId())),
    ];
    return () => offs.forEach((off) => off());
  }, [load]);

  const currentIdRef = useRef<string | null>(null);
  currentIdRef.current = state.status === 'ready' ? state.view.id : null;
  const currentId = (): string | null => currentIdRef.current;

  const decide = useCallback(
    async (approve: boolean, accountId?: string) => {
      if (state.status !== 'ready' || state.busy) return;
      const { view } = state;
      setState({ status: 'ready', view, busy: true, error: null });
      try {
        const { next } = await background.call('provider.resolveApproval', { id: view.id, approve, ...(accountId === undefined ? {} : { accountId }) });
        if (next === null) {
          setState({ status: 'empty' });
          window.close();
        } else {
          await load(next);
        }
      } catch (error) {
        if (error instanceof BackgroundError && error.code === 'vault.locked') return void load(view.id);
        setState({ status: 'ready', view, busy: false, error: message(error) });
      }
    },
    [state, load],
  );

  const edit = useCallback(
    async (change: (id: string) => Promise<ApprovalView>) => {
      if (state.status !== 'ready' || state.busy) return;
      const { view } = state;
      setState({ status: 'ready', view, busy: true, error: null });
      try {
        const next = await change(view.id);
        setState({ status: 'ready', view: next, busy: false, error: null });
      } catch (error) {
        setState({ status: 'ready', view, busy: false, error: null });
        throw new Error(message(error));
      }
    },
    [state],
  );

  return { state, reload, decide, edit };
}
