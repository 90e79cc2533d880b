/**
 * Events the background pushes to every open UI page. Each service declares its own events by
 * augmenting this interface from its own file:
 *
 *   declare module './events.js' { interface UiEvents { 'vault.changed': VaultStatus } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface UiEvents {
  'app.started': { startedAt: number };
}
