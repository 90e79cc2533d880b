/**
 * The nodes Wayfarer asks, per space, with health, latency and bans; add and remove nodes. Adding
 * a node asks the browser for permission to reach its host — that request must happen inside the
 * click handler (a user gesture), before anything asynchronous.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { EmptyState, ErrorState } from '../../components/AsyncState.js';
import { DateTime } from '../../components/DateTime.js';
import { TextField } from '../../components/Field.js';
import { Icon } from '../../components/icons.js';
import type { NodeHealth, NodeItem, NodeKind } from '../../model/wallet.js';
import { WayfarerError } from '../../../../core/errors.js';
import { t as translate, useT } from '../../i18n/i18n.js';

const HEALTH_TEXT: Record<NodeHealth, { label: () => string; dot: string }> = {
  ok: { label: () => translate('settings.nodes.healthOk'), dot: 'dot-ok' },
  slow: { label: () => translate('settings.nodes.healthSlow'), dot: 'dot-warn' },
  failing: { label: () => translate('settings.nodes.healthFailing'), dot: 'dot-warn' },
  unreachable: { label: () => translate('nodeState.unreachable'), dot: 'dot-warn' },
  banned: { label: () => translate('settings.nodes.healthBanned'), dot: 'dot-bad' },
  unknown: { label: () => translate('settings.nodes.healthUnknown'), dot: '' },
};

/** The host-permission pattern for a node URL (`https://node.example/*`). */
export function originPattern(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return undefined;
    return `${parsed.protocol}//${parsed.hostname}/*`;
  } catch {
    return undefined;
  }
}

export interface NodeListProps {
  /** A space's JSON-RPC nodes, or the proof gateways. */
  space: NodeKind;
  nodes: readonly NodeItem[];
  onAdd: (url: string) => Promise<void>;
  onRemove: (node: NodeItem) => Promise<void>;
}

export function NodeList({ space, nodes, onAdd, onRemove }: NodeListProps): ReactElement {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  /** The node whose removal waits for a second tap. */
  const [confirming, setConfirming] = useState<string>();
  const t = useT();
  const spaceName = space === 'core' ? t('common.coreSpace') : space === 'espace' ? t('common.eSpace') : '';
  const gateways = space === 'gateway';

  const add = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const pattern = originPattern(url.trim());
    if (!pattern) {
      setError(new WayfarerError('ui.node_address', 'Enter the node’s full address, e.g. https://node.example.org'));
      return;
    }
    setBusy(true);
    // Called synchronously in the submit handler: the browser only shows the prompt for a gesture.
    chrome.permissions
      .request({ origins: [pattern] })
      .then(async (granted) => {
        if (!granted) throw new WayfarerError('ui.node_permission', 'Wayfarer needs permission to connect to this node. Nothing was added.');
        await onAdd(url.trim());
        setUrl('');
      })
      .catch((e: unknown) => setError(e))
      .finally(() => setBusy(false));
  };

  return (
    <section className="stack" aria-labelledby={`nodes-${space}`}>
      <h2 id={`nodes-${space}`}>{gateways ? t('settings.gateways.listTitle') : t('settings.nodes.listTitle', { space: spaceName })}</h2>
      {gateways ? <p className="small muted">{t('settings.gateways.intro')}</p> : null}
      {nodes.length === 0 ? (
        <EmptyState title={gateways ? t('settings.gateways.none') : t('settings.nodes.none')}>{gateways ? t('settings.gateways.noneHint') : t('settings.nodes.noneHint')}</EmptyState>
      ) : (
        <ul className="list" data-testid={`nodes-${space}`}>
          {nodes.map((node) => {
            const health = HEALTH_TEXT[node.health];
            return (
              <li key={node.id} className="list-item" data-health={node.health}>
                <span className={`dot ${health.dot}`} aria-hidden="true" />
                <span className="grow">
                  <span className="primary mono break" data-testid="node-url">
                    {node.url}
                  </span>
                  <br />
                  <span className="secondary">
                    {health.label()}
                    {node.latencyMs !== undefined ? (
                      <>
                        {' · '}
                        <span data-volatile>{t('settings.nodes.latency', { ms: node.latencyMs })}</span>
                      </>
                    ) : null}
                    {node.userAdded ? t('settings.nodes.addedByYou') : t('settings.nodes.builtIn')}
                    {node.operator ? (
                      <>
                        {t('settings.nodes.runBy')}
                        <span data-testid="node-operator">{node.operator}</span>
                      </>
                    ) : null}
                    {node.problem ? (
                      <>
                        {' · '}
                        <span data-testid="node-problem">{node.problem}</span>
                      </>
                    ) : null}
                    {node.bannedUntil !== undefined ? (
                      <>
                        {node.health === 'unreachable' ? t('nodeState.retryAfter') : t('settings.nodes.bannedUntil')}
                        <DateTime at={node.bannedUntil} />
                      </>
                    ) : null}
                  </span>
                </span>
                {confirming === node.id ? (
                  <span className="btn-row" role="group" aria-label={t('nodeState.confirmRemove', { url: node.url })}>
                    <button type="button" className="btn btn-small" onClick={() => setConfirming(undefined)}>
                      {t('nodeState.keep')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      onClick={() => {
                        setConfirming(undefined);
                        void onRemove(node).catch((e: unknown) => setError(e));
                      }}
                    >
                      {t('nodeState.confirm')}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => setConfirming(node.id)} aria-label={t('settings.nodes.remove', { url: node.url })}>
                    {t('common.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form className="stack" onSubmit={add} noValidate>
        <TextField label={gateways ? t('settings.gateways.addLabel') : space === 'core' ? t('settings.nodes.addLabelCore') : t('settings.nodes.addLabelEspace')} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" inputMode="url" autoComplete="off" spellCheck={false} autoCapitalize="off" hint={gateways ? t('settings.gateways.addHint') : t('settings.nodes.addHint')} />
        <button type="submit" className="btn" disabled={busy || url.trim() === ''}>
          <Icon name="plus" />
          {busy ? t('settings.nodes.adding') : t('settings.nodes.add')}
        </button>
      </form>
      {error ? <ErrorState error={error} title={t('settings.nodes.notAdded')} /> : null}
    </section>
  );
}
