/**
 * Onboarding and the lock screen, driven through the real UI in Chromium with the built
 * extension: create (phrase shown, quiz on chosen words, password with strength hint), import a
 * phrase or a private key, lock, wrong password with the backoff delay, unlock. Each flow runs at
 * phone size; the first also at desktop size. The vault's state is read back over the UI port.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.js';
import { callBackground } from '../support/ui-port.js';
import { DESKTOP, MOBILE, TEST_MNEMONIC, TEST_PASSWORD, expectScreenFits, importWalletThroughUi, msg, openWallet, shot, zh } from './ui-helpers.js';

let browser: ExtensionBrowser;
beforeEach(async (context) => {
  // A browser whose language is Chinese for the Chinese test; English (set explicitly) for the rest.
  browser = await launchWithExtension({ viewport: MOBILE, locale: context.task.name.includes('Chinese') ? 'zh-CN' : 'en-US' });
});
afterEach(async () => {
  await browser?.close();
});

interface Status {
  state: string;
  failedAttempts: number;
  retryAt: number;
}

for (const [label, viewport] of [
  ['phone', MOBILE],
  ['desktop', DESKTOP],
] as const) {
  test(`create a wallet: phrase, quiz, password (${label})`, async () => {
    const { page, errors } = await openWallet(browser, '/', viewport);
    await page.getByRole('heading', { name: 'Welcome to Wayfarer' }).waitFor();
    await shot(page, `onboarding-welcome-${label}`);

    await page.getByRole('button', { name: 'Create a new wallet' }).click();
    const continueButton = page.getByRole('button', { name: 'Continue' });
    expect(await continueButton.isDisabled()).toBe(true);
    expect(await page.getByTestId('mnemonic').count()).toBe(0); // hidden until asked
    // The button that reveals the words is whole and nothing scrolls sideways, at 360 px too.
    await expectScreenFits(page);
    await page.getByRole('button', { name: /Show the words/ }).click();
    const words = await page.getByTestId('mnemonic').locator('li').allTextContents();
    expect(words).toHaveLength(12);
    // A new phrase every run: each word is masked, its numbered box stays.
    await shot(page, `onboarding-phrase-${label}`, { mask: [page.getByTestId('mnemonic').locator('li > span')] });
    await page.getByLabel('I wrote the words down, in order.').check();
    await continueButton.click();

    // The quiz: a wrong choice is refused, the right ones pass.
    const questions = page.locator('fieldset[data-position]');
    await questions.first().waitFor();
    expect(await questions.count()).toBe(3);
    const positions = await questions.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-position'))));
    const first = questions.first();
    const wrongChoice = (await first.locator('input').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).find((w) => w !== words[positions[0]! - 1])!;
    await first.getByLabel(wrongChoice, { exact: true }).check();
    for (const [i, position] of positions.slice(1).entries()) await questions.nth(i + 1).getByLabel(words[position - 1]!, { exact: true }).check();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByText('That does not match').count()).toBe(1);
    await first.getByLabel(words[positions[0]! - 1]!, { exact: true }).check();
    if (label === 'phone') await shot(page, 'onboarding-quiz-phone', { mask: [page.locator('.word-choices')] });
    await page.getByRole('button', { name: 'Confirm' }).click();

    // Password: too short (said once), strength hint, mismatch, then create.
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create wallet' }).click();
    await expect.poll(() => page.getByText('Use at least 8 characters.').count()).toBe(1);
    await page.getByLabel('New password', { exact: true }).fill('password1');
    await expect.poll(() => page.getByTestId('password-strength').textContent()).toContain('weak');
    await page.getByLabel('New password', { exact: true }).fill(TEST_PASSWORD);
    await expect.poll(() => page.getByTestId('password-strength').textContent()).toContain('strong');
    await page.getByLabel('Repeat password', { exact: true }).fill('something else');
    await page.getByRole('button', { name: 'Create wallet' }).click();
    await expect.poll(() => page.getByText('The passwords do not match.').count()).toBe(1);
    await shot(page, `onboarding-password-${label}`);
    await page.getByLabel('Repeat password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Create wallet' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });

    const status = await callBackground<Status>(page, 'vault.status');
    expect(status.state).toBe('unlocked');
    // The phrase shown is the wallet's phrase.
    const keyring = await callBackground<{ wallets: { id: string; kind: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
    const revealed = await callBackground<{ mnemonic: string }>(page, 'vault.revealMnemonic', { walletId: keyring.wallets[0]!.id, password: TEST_PASSWORD });
    expect(revealed.mnemonic).toBe(words.join(' '));
    expect(errors).toEqual([]);
  });
}

test('import a recovery phrase, lock, wrong passwords back off, unlock', async () => {
  const { page, errors } = await openWallet(browser);
  await page.getByRole('button', { name: 'Import a recovery phrase' }).click();
  const phrase = page.getByLabel('Recovery phrase', { exact: true });
  expect(await phrase.getAttribute('type')).toBe('password'); // secret input
  await phrase.fill('legal winner thank year wave sausage worth useful legal winner thank thank');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => page.getByText(/not a valid phrase/).count()).toBe(1);
  await page.getByRole('button', { name: 'Back' }).click();
  await importWalletThroughUi(page, TEST_MNEMONIC, TEST_PASSWORD);

  // The imported phrase gives the known first account.
  const keyring = await callBackground<{ accounts: { coreHexAddress: string; evmAddress: string }[] }>(page, 'vault.accounts', { networkId: 1029 });
  expect(keyring.accounts).toHaveLength(1);

  await page.getByRole('button', { name: 'Lock the wallet' }).click();
  await page.getByRole('heading', { name: 'Unlock Wayfarer' }).waitFor();
  await shot(page, 'unlock-phone');

  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.getByLabel('Password', { exact: true }).fill(`wrong password ${attempt}`);
    await expect.poll(() => page.getByRole('button', { name: 'Unlock', exact: true }).isEnabled(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => page.getByText('Not unlocked').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByLabel('Password', { exact: true }).inputValue()).toBe(''); // cleared after each try
  }
  // After a few failures the background imposes a growing delay (4 s after the sixth); the screen counts it down.
  await expect.poll(() => page.getByTestId('unlock-backoff').textContent(), { timeout: 10_000 }).toMatch(/Try again in \d+ s/);
  expect(await page.getByText('The password is not correct.').count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Unlock', exact: true }).isDisabled()).toBe(true);
  await shot(page, 'unlock-backoff-phone', { mask: [page.getByTestId('unlock-backoff')] });
  const throttled = await callBackground<Status>(page, 'vault.status');
  expect(throttled.failedAttempts).toBe(6);
  expect(throttled.retryAt).toBeGreaterThan(Date.now() - 1000);

  await expect.poll(() => page.getByTestId('unlock-backoff').count(), { timeout: 10_000 }).toBe(0);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  expect((await callBackground<Status>(page, 'vault.status')).state).toBe('unlocked');
  expect(errors).toEqual([]);
});

test('import a private key', async () => {
  const { page, errors } = await openWallet(browser);
  await page.getByRole('button', { name: 'Import a private key' }).click();
  const key = page.getByLabel('Private key', { exact: true });
  expect(await key.getAttribute('type')).toBe('password');
  await key.fill('0x1234');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => page.getByText(/64 hexadecimal characters/).count()).toBe(1);
  await expectScreenFits(page);
  await key.fill('46b9e861b63d3509c88b7817275a30d22d62c8cd8fa6486ddee35ef0d8e0495f');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('New password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByLabel('Repeat password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Import wallet' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });
  const keyring = await callBackground<{ wallets: { kind: string }[]; accounts: { coreHexAddress: string }[] }>(page, 'vault.accounts', { networkId: 1024 });
  expect(keyring.wallets.map((w) => w.kind)).toEqual(['private-key']);
  expect(keyring.accounts).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('in a Chinese browser the wallet speaks Chinese from the first screen: create, phrase, quiz, password, lock, unlock', async () => {
  const { page, errors } = await openWallet(browser);
  await page.getByRole('heading', { name: zh.onboarding.welcomeTitle }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await shot(page, 'onboarding-welcome-phone-zh');

  await page.getByRole('button', { name: zh.onboarding.create }).click();
  await expectScreenFits(page);
  await page.getByRole('button', { name: zh.onboarding.showWords }).click();
  const words = await page.getByTestId('mnemonic').locator('li').allTextContents();
  expect(words).toHaveLength(12);
  await shot(page, 'onboarding-phrase-phone-zh', { mask: [page.getByTestId('mnemonic').locator('li > span')] });
  await page.getByLabel(zh.onboarding.wroteDown).check();
  await page.getByRole('button', { name: zh.common.continue }).click();

  const questions = page.locator('fieldset[data-position]');
  await questions.first().waitFor();
  const positions = await questions.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-position'))));
  expect(await questions.first().locator('legend').textContent()).toBe(msg(zh.onboarding.wordNumber, { position: positions[0]! }));
  for (const [i, position] of positions.entries()) await questions.nth(i).getByLabel(words[position - 1]!, { exact: true }).check();
  await shot(page, 'onboarding-quiz-phone-zh', { mask: [page.locator('.word-choices')] });
  await page.getByRole('button', { name: zh.onboarding.confirm }).click();

  await page.getByLabel(zh.onboarding.newPassword, { exact: true }).fill('password1');
  await expect.poll(() => page.getByTestId('password-strength').textContent()).toContain(zh.password.weak);
  await page.getByLabel(zh.onboarding.newPassword, { exact: true }).fill(TEST_PASSWORD);
  await page.getByLabel(zh.onboarding.repeatPassword, { exact: true }).fill('something else');
  await page.getByRole('button', { name: zh.onboarding.createWallet }).click();
  await expect.poll(() => page.getByText(zh.onboarding.mismatch).count()).toBe(1);
  await shot(page, 'onboarding-password-phone-zh');
  await page.getByLabel(zh.onboarding.repeatPassword, { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: zh.onboarding.createWallet }).click();
  await page.getByRole('navigation', { name: zh.shell.nav }).waitFor({ timeout: 30_000 });

  await page.getByRole('button', { name: zh.shell.lock }).click();
  await page.getByRole('heading', { name: zh.unlock.title }).waitFor();
  await page.getByLabel(zh.unlock.password, { exact: true }).fill('wrong password');
  await page.getByRole('button', { name: zh.unlock.unlock, exact: true }).click();
  // The background's wrong-password error, shown through its code in Chinese.
  await expect.poll(() => page.getByText(zh.errors.vault.wrong_password).count(), { timeout: 15_000 }).toBe(1);
  await shot(page, 'unlock-phone-zh');
  await page.getByLabel(zh.unlock.password, { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: zh.unlock.unlock, exact: true }).click();
  await page.getByRole('navigation', { name: zh.shell.nav }).waitFor({ timeout: 30_000 });
  expect((await callBackground<Status>(page, 'vault.status')).state).toBe('unlocked');
  expect(errors).toEqual([]);
});
