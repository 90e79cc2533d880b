/** Settings → Networks and nodes: choose the network; see and edit the nodes of each space. */
import type { ReactElement } from 'react';
import { useAction, useAsync } from '../../api/hooks.js';
import { useWallet } from '../../app/wallet.js';
import { ErrorState, Loading } from '../../components/AsyncState.js';
import { NetworkChoice } from '../../components/NetworkChoice.js';
import { ScreenHeader } from '../../components/ScreenHeader.js';
import type { Space } from '../../model/wallet.js';
import { NodeList } from './NodeList.js';

function SpaceNodes({ space }: { space: Space }): ReactElement {
  const { backend, network } = useWallet();
  const nodes = useAsync(() => backend.nodes(space), `nodes:${network?.id ?? ''}:${space}`, { refreshOn: backend.events.nodes, pollMs: 10_000 });
  if (nodes.error) return <ErrorState error={nodes.error} onRetry={nodes.refresh} title="Nodes not available" />;
  if (!nodes.data) return <Loading />;
  return (
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
  );
}

export function Networks(): ReactElement {
  const { networks, selectNetwork } = useWallet();
  const switchNetwork = useAction(selectNetwork);
  return (
    <div className="stack">
      <ScreenHeader title="Networks and nodes" back="/settings" />
      <section className="stack" aria-labelledby="network-title">
        <h2 id="network-title">Network</h2>
        {networks.error ? <ErrorState error={networks.error} onRetry={networks.refresh} /> : null}
        {switchNetwork.error ? <ErrorState error={switchNetwork.error} title="Network not switched" /> : null}
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
      <p className="small muted">Wayfarer asks several independent nodes and compares their answers. Two or more nodes run by different people per space let values be cross-checked; nodes caught serving bad data are banned automatically.</p>
      <SpaceNodes space="core" />
      <SpaceNodes space="espace" />
    </div>
  );
}
