/**
 * Events the background pushes to every open UI page. Each service declares its own events by
 * augmenting this interface from its own file:
 *
 *   declare module './events.js' { interface UiEvents { 'vault.changed': VaultStatus } }
 */
export interface UiEvents {
  'app.started': { startedAt: number };
}
