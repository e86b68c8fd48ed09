// Names the pages and the service worker must agree on. Each names one thing: the stored ones
// (IndexedDB databases, the Workbox queues) keep the values earlier versions wrote under, or a
// report waiting on a phone through an update would be orphaned.

/** IndexedDB database of the reports waiting to be sent (offline/outbox-store.ts). */
export const OUTBOX_DATABASE = "satupintu-outbox";
/** IndexedDB database of the receipts of reports that arrived. */
export const RECEIPTS_DATABASE = "satupintu-outbox-sent";
/** Workbox background-sync queue of the worker's copies of waiting reports. */
export const OUTBOX_QUEUE = "satupintu-outbox";
/** Workbox background-sync queue of notification taps made offline. */
export const CLICKS_QUEUE = "satupintu-clicks";
/** Web Lock held by whoever uploads the outbox, so a report never goes twice at once. */
export const OUTBOX_LOCK = "satupintu-outbox-send";
/** BroadcastChannel on which a page tells the other tabs that the outbox changed. */
export const OUTBOX_CHANNEL = "satupintu-outbox-changed";
/** Web Lock held while the rotating refresh token is traded: spent twice, it ends the login. */
export const REFRESH_LOCK = "satupintu-refresh";
/** What the worker posts to the pages after it replayed a report. */
export const OUTBOX_CHANGED_MESSAGE = "outbox-changed";
