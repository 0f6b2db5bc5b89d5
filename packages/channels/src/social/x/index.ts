// The X channel: Account Activity API webhooks, API v2 sends, and a mentions poller.
export { xAdapter, xSignature } from './x-adapter.ts';
export type { XConnection } from './x-api.ts';
export { pollXMentions } from './x-mentions-poller.ts';
