/** Settings → Networks and nodes: choose the network; see and edit the nodes of each space and the proof gateways. */
import type { ReactElement } from 'react';
import { useAction, useAsync } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { NetworkChoice } from '../../components/NetworkChoice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import type { NodeKind } from '../../model/wallet.js';
import { NodeList } from './NodeList.js';
import { useT } from '../../i18n/i18n.js';

function SpaceNodes({ space }: { space: NodeKind }): ReactElement {
  const { backend, network } = useWallet();
  const nodes = useAsync(() => backend.nodes(space), `nodes:${network?.id ?? ''}:${space}`, { refreshOn: backend.events.nodes, pollMs: 10_000 });
  const t = useT();
  const failed = nodes.error ? <ErrorState error={nodes.error} onRetry={nodes.refresh} title={t('settings.nodes.unavailable')} /> : null;
  if (!nodes.data) return failed ?? <Loading />;
  // A refresh that fails keeps the list on screen (and a removal waiting for its second tap).
  return (
    <>
      {failed}
      <NodeList
        space={space}
        nodes={nodes.data}
        onAdd={async (url) => {
          await backend.addNode(space, url);
          nodes.refresh();
        }}
        onRemove={async (node) => {
          await backend.removeNode(space, node.id);
          nodes.refresh();
        }}
      />
    </>
  );
}

export function Networks(): ReactElement {
  const { networks, selectNetwork } = useWallet();
  const switchNetwork = useAction(selectNetwork);
  const t = useT();
  return (
    <div className="stack">
      <ScreenHeader title={t('settings.nodes.title')} back="/settings" />
      <section className="stack" aria-labelledby="network-title">
        <h2 id="network-title">{t('settings.nodes.network')}</h2>
        {networks.error ? <ErrorState error={networks.error} onRetry={networks.refresh} /> : null}
        {switchNetwork.error ? <ErrorState error={switchNetwork.error} title={t('settings.nodes.networkNotSwitched')} /> : null}
        {networks.data ? (
          <ul className="list" data-testid="networks">
            {networks.data.networks.map((network) => (
              <li key={network.id}>
                <NetworkChoice
                  network={network}
                  current={network.id === networks.data?.currentId}
                  onChoose={() => void switchNetwork.run(network.id)}
                />
              </li>
            ))}
          </ul>
        ) : !networks.error ? (
          <Loading />
        ) : null}
      </section>
      <p className="small muted">{t('settings.nodes.intro')}</p>
      <SpaceNodes space="core" />
      <SpaceNodes space="espace" />
      <SpaceNodes space="gateway" />
    </div>
  );
}
