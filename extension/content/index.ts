/**
 * Content script (isolated world): relays provider messages between the page and the background.
 */
export {};
