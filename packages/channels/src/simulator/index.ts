// A local stand-in for Meta (Facebook, Instagram, WhatsApp), Telegram and X: send APIs, signed webhook deliveries, sampled traffic.
export {
  type ButtonChoice,
  buttonPressDelivery,
  buttonsOfRequest,
  type SentButtons,
  type SimulatedButton,
} from './button-presses.ts';
export { runSimulateCommand, type SimulateRun, type SimulateSecretsFile } from './cli.ts';
export {
  defaultSimulatorSecrets,
  type Platform,
  type SimulatorSecrets,
  type WebhookDelivery,
} from './delivery.ts';
export {
  instagramComment,
  instagramMessage,
  messengerEcho,
  messengerMessage,
  messengerPostback,
  messengerReceipt,
  pageComment,
} from './meta-webhooks.ts';
export {
  defaultErrorBody,
  metaError,
  type SimulatedAnswer,
  telegramError,
  xError,
} from './platform-errors.ts';
export {
  type InjectedFailure,
  type RecordedRequest,
  type RequestMatch,
  type Simulator,
  type SimulatorOptions,
  startPlatformSimulator,
} from './platform-simulator.ts';
export { metaJson, metaLegacySignature, metaSignature, xSignature } from './signatures.ts';
export { type TelegramBot, type TelegramPerson, telegramUpdate } from './telegram-webhooks.ts';
export {
  defaultTrafficAccounts,
  sampleTraffic,
  type TrafficAccounts,
  type TrafficSample,
  type TrafficSurface,
  trafficDelivery,
} from './traffic.ts';
export {
  type TrafficCorpus,
  type TrafficKind,
  type TrafficLanguage,
  trafficCorpus,
} from './traffic-corpus.ts';
export {
  type CrcResult,
  type DeliveryOutcome,
  deliverWebhook,
  deliverWebhookWithRetries,
  deliveryHeaders,
  type HandshakeResult,
  metaHandshake,
  type SignatureMode,
  xCrc,
} from './webhook-client.ts';
export { whatsappMessage, whatsappStatus } from './whatsapp-webhooks.ts';
export { type XUser, xDirectMessage, xMention, xTweetDelete } from './x-webhooks.ts';
