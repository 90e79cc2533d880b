/** The start-over screen is shown full-screen, outside the wallet frame, whatever the lock state. */
export const START_OVER_PATH = '/start-over';
