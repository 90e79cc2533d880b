/**
 * Copying a secret (recovery phrase) to the clipboard, and taking it back out.
 *
 * Threat model: anything on the clipboard is readable by every app and page the user pastes into
 * later, and clipboard managers keep a history. So a copied secret is cleared after a short delay,
 * or as soon as the screen that showed it goes away — but only if the clipboard still holds that
 * secret: something the user copied afterwards is theirs and is never overwritten. When the browser
 * does not let the page read the clipboard, we cannot tell, and leave it alone: the screen tells
 * the user to clear it themselves.
 * @module
 */

export interface ClipboardLike {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface TimerLike {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

export const SECRET_CLIPBOARD_TTL_MS = 30_000;

export type ClearOutcome = 'cleared' | 'replaced_by_user' | 'unreadable' | 'nothing_to_clear';

export class SecretClipboard {
  private secret: string | undefined;
  private timer: number | undefined;

  constructor(
    private readonly clipboard: ClipboardLike,
    private readonly timers: TimerLike,
    private readonly onCleared: (outcome: ClearOutcome) => void = () => {},
    private readonly ttlMs = SECRET_CLIPBOARD_TTL_MS,
  ) {}

  /** Copies `secret` and schedules its removal. Returns when the clipboard holds it. */
  async copy(secret: string): Promise<void> {
    await this.clipboard.writeText(secret);
    this.secret = secret;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => void this.clear(), this.ttlMs);
  }

  /** True while a copied secret may still be on the clipboard. */
  get pending(): boolean {
    return this.secret !== undefined;
  }

  /** Removes the secret now if the clipboard still holds it. */
  async clear(): Promise<ClearOutcome> {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    const secret = this.secret;
    this.secret = undefined;
    if (secret === undefined) return 'nothing_to_clear';
    let outcome: ClearOutcome;
    try {
      const current = await this.clipboard.readText();
      if (current === secret) {
        await this.clipboard.writeText('');
        outcome = 'cleared';
      } else {
        outcome = 'replaced_by_user';
      }
    } catch {
      outcome = 'unreadable';
    }
    this.onCleared(outcome);
    return outcome;
  }
}

/** The page's real clipboard and timers. */
export function browserSecretClipboard(onCleared?: (outcome: ClearOutcome) => void): SecretClipboard {
  return new SecretClipboard(
    navigator.clipboard,
    { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h) },
    onCleared,
  );
}
