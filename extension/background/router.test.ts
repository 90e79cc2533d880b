import { expect, test } from 'vitest';
import { UiRouter } from './router.js';

const context = { pageUrl: 'chrome-extension://x/popup.html' };

test('dispatches declared methods and validates requests', async () => {
  const router = new UiRouter();
  router.register({ 'app.info': () => ({ version: '1', startedAt: 5 }) });
  expect(await router.dispatch({ type: 'request', id: 1, method: 'app.info' }, context)).toEqual({ type: 'response', id: 1, ok: true, result: { version: '1', startedAt: 5 } });
  const unknown = await router.dispatch({ type: 'request', id: 2, method: 'vault.exportSecrets' }, context);
  expect(unknown).toMatchObject({ ok: false, error: { code: 'ui.unknown_method' } });
  const badParams = await router.dispatch({ type: 'request', id: 3, method: 'app.info', params: { sneaky: true } }, context);
  expect(badParams).toMatchObject({ ok: false, error: { code: 'schema.invalid' } });
  expect(await router.dispatch({ type: 'request', id: -1, method: 'app.info' }, context)).toBeUndefined();
  expect(await router.dispatch('garbage', context)).toBeUndefined();
});

test('refuses undeclared or duplicate registrations and hides unexpected errors', async () => {
  const router = new UiRouter();
  expect(() => router.register({ ['nope' as 'app.info']: () => ({ version: '', startedAt: 0 }) })).toThrow(/no such UI method/);
  router.register({
    'app.info': () => {
      throw new TypeError('secret-looking detail');
    },
  });
  expect(() => router.register({ 'app.info': () => ({ version: '', startedAt: 0 }) })).toThrow(/twice/);
  const answer = await router.dispatch({ type: 'request', id: 1, method: 'app.info' }, context);
  expect(answer).toEqual({ type: 'response', id: 1, ok: false, error: { code: 'internal', message: 'Internal error in the wallet background' } });
});
