// The Meta adapters (Facebook Page + Messenger, Instagram, WhatsApp Cloud API) and what they share.
export {
  answerHandshake,
  graphApiVersion,
  hasValidSignature,
  type MessagingWindow,
  messagingWindow,
  whatsappWindowRefusal,
} from './common.ts';
export { facebookAdapter } from './facebook-adapter.ts';
export { graphError } from './graph-client.ts';
export { instagramAdapter } from './instagram-adapter.ts';
export { whatsappAdapter, whatsappTextLimit } from './whatsapp-adapter.ts';
