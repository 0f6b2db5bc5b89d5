// Buttons Sada puts under its automatic messages on social channels (an offer to accept, a survey to
// answer, a story to consent to) and the answers customers give by pressing them.
//
// A press whose payload is a Sada payload never becomes a customer message: social-channels.service
// dispatches it to the handler registered for its kind (services.ts, `buttonAnswers`). The handler
// checks the answer belongs to its subject's conversation, records it idempotently, and answers what
// the customer is told back; the dispatcher sends that reply with sendAutomaticMessage on the newest
// case of the conversation (handlers do not send it themselves).

/** What a Sada button answers. */
export type ButtonKind = 'offer' | 'survey' | 'story';

const BUTTON_KINDS: readonly ButtonKind[] = ['offer', 'survey', 'story'];
const PREFIX = 'sada';
/** Telegram's callback_data takes at most 64 bytes: the strictest platform sets the limit. */
export const MAX_BUTTON_PAYLOAD_BYTES = 64;
const CHOICE = /^[a-z0-9_-]{1,12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isButtonKind(value: string): value is ButtonKind {
  return (BUTTON_KINDS as readonly string[]).includes(value);
}

/** `sada:<kind>:<subject uuid>:<choice>` — at most 64 bytes (Telegram's callback_data limit). choice: [a-z0-9_-]{1,12}. */
export function buttonPayload(kind: ButtonKind, subjectId: string, choice: string): string {
  const subject = subjectId.toLowerCase();
  if (!isButtonKind(kind)) throw new Error(`Unknown button kind: ${kind}`);
  if (!UUID.test(subject)) throw new Error(`A button's subject must be a uuid, got: ${subjectId}`);
  if (!CHOICE.test(choice)) throw new Error(`A button's choice must match ${CHOICE}, got: ${choice}`);
  const payload = `${PREFIX}:${kind}:${subject}:${choice}`;
  // Cannot happen with the checks above (the longest is 61 bytes); kept so a change cannot slip by.
  if (Buffer.byteLength(payload) > MAX_BUTTON_PAYLOAD_BYTES) throw new Error('Button payload too long');
  return payload;
}

/** The parts of a Sada button payload; null for anything else (another app's button, a forged value). */
export function parseButtonPayload(
  payload: string,
): { kind: ButtonKind; subjectId: string; choice: string } | null {
  if (Buffer.byteLength(payload) > MAX_BUTTON_PAYLOAD_BYTES) return null;
  const parts = payload.split(':');
  if (parts.length !== 4) return null;
  const [prefix = '', kind = '', subjectId = '', choice = ''] = parts;
  if (prefix !== PREFIX || !isButtonKind(kind)) return null;
  if (!UUID.test(subjectId) || !CHOICE.test(choice)) return null;
  return { kind, subjectId, choice };
}

/** A button a customer pressed on a social channel, after the webhook signature was checked. */
export type ButtonAnswer = {
  workspaceId: string;
  channel: 'facebook' | 'instagram' | 'whatsapp' | 'telegram' | 'x';
  channelAccountId: string;
  /** The conversation it came from (`dm:<thread id>`), as support_case.conversation_key stores it. */
  conversationKey: string;
  authorExternalId: string;
  subjectId: string;
  choice: string;
  /** The platform's id of the press (dedupe key: platforms retry webhooks). */
  deliveryKey: string;
  occurredAt: Date;
};

/**
 * A handler must check that the subject's case has the same channel_account_id and conversation_key
 * as the answer (a payload from another person's chat is ignored), and be idempotent (a retried
 * webhook or a second press changes nothing). It answers what the customer is told back, in their
 * language, or null for nothing.
 */
export type ButtonAnswerHandler = (answer: ButtonAnswer) => Promise<{ en: string; ar: string } | null>;

/** Whether a press came from the case's own conversation (a payload from another person's chat is ignored). */
export const isPressOnCase = (
  caseRow: { channelAccountId: string | null; conversationKey: string | null } | null | undefined,
  answer: Pick<ButtonAnswer, 'channelAccountId' | 'conversationKey'>,
): caseRow is NonNullable<typeof caseRow> =>
  !!caseRow &&
  caseRow.channelAccountId === answer.channelAccountId &&
  caseRow.conversationKey === answer.conversationKey;

/** The handler of each kind of button; a kind without one is ignored. */
export type ButtonAnswerHandlers = Partial<Record<ButtonKind, ButtonAnswerHandler>>;
