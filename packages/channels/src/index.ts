// @sada/channels: the wire protocols of customer channels, free of any database.
export {
  ChannelError,
  type ChannelErrorCode,
  type ChannelFailure,
  channelFailureOf,
  quoted,
} from './channel-error.ts';
export type { ChannelLogger } from './channel-logger.ts';
export { type AutomaticReason, automaticReason, type MailHeaderValues } from './email/automatic-mail.ts';
export {
  createImapPoller,
  type ImapPoller,
  type ImapPollerOptions,
  type ImapPollState,
} from './email/imap-poller.ts';
export {
  type InboundAttachment,
  type InboundMail,
  type ParseInboundMailOptions,
  parseInboundMail,
} from './email/inbound-mail.ts';
export {
  DeliveryError,
  InvalidMailError,
  MailboxError,
  MailFormatError,
  RejectedMail,
} from './email/mail-errors.ts';
export { htmlToPlainText, sanitiseMailHtml } from './email/mail-html.ts';
export { createMailSender, type MailSender } from './email/mail-sender.ts';
export { normaliseMessageId, parseMessageIds } from './email/message-id.ts';
export {
  composeMail,
  maxReferences,
  type OutboundMailInput,
  subjectWithReference,
  textToHtml,
} from './email/outbound-mail.ts';
export { type FoldedText, foldQuotedText } from './email/quote-folding.ts';
export {
  type SmtpDelivery,
  type SmtpInbound,
  type SmtpInboundOptions,
  startSmtpInbound,
} from './email/smtp-inbound.ts';
export * from './social/adapter.ts';
export * from './social/meta/index.ts';
export { SOCIAL_ADAPTERS } from './social/registry.ts';
export * from './social/reply-check.ts';
export * from './social/telegram/index.ts';
export * from './social/x/index.ts';
