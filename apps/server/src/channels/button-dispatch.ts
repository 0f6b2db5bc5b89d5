// Where a press of a Sada button goes (issue 8). A social message event whose payload is a Sada
// payload (`sada:<kind>:<subject>:<choice>`, see button-answers.ts) is not a customer message: it
// opens no case and restarts no clock. It is claimed once by the platform's id of the press (a
// retried webhook is not dispatched again), handed to the handler of its kind, and the handler's
// reply, if any, is sent with sendAutomaticMessage on the newest case of the conversation (handlers
// do not send it themselves). A Telegram press, Sada's or not, is always acknowledged, so the button
// stops spinning.
// A `sada:` payload nobody can handle (an unknown kind, no handler yet) lands in the channel's error log.

import type { SocialAdapter, SocialEvent, SocialKind } from '@sada/channels';
import type { Clock } from '@sada/core';
import {
  type ChannelAccountRow,
  claimButtonPress,
  type Database,
  findNewestConversationCase,
  lockCaseById,
  recordChannelError,
  releaseButtonPress,
  type WorkspaceRow,
} from '@sada/db';
import { customerLanguageOf, sendAutomaticMessage } from './automatic-message.ts';
import { type ButtonAnswer, type ButtonAnswerHandlers, parseButtonPayload } from './button-answers.ts';

/** Who the timeline says answered a press. */
const REPLY_LABEL = 'Sada';
const SADA_PREFIX = 'sada:';

type MessageEvent = SocialEvent & { type: 'message' };

export type ButtonDispatch = {
  /**
   * Takes the event when it is a press of a Sada button (true: intake must not see it); false for
   * anything else, which keeps its usual way into a case.
   */
  take(input: {
    account: ChannelAccountRow;
    workspace: WorkspaceRow;
    event: MessageEvent;
    conversationKey: string;
  }): Promise<boolean>;
};

export function createButtonDispatch(deps: {
  database: Database;
  clock: Clock;
  mailDomain: string;
  handlers: ButtonAnswerHandlers;
  adapters: Record<SocialKind, SocialAdapter>;
  credentialsOf: (account: ChannelAccountRow) => Record<string, string>;
  baseUrlOf: (kind: SocialKind) => string;
}): ButtonDispatch {
  const { database, clock } = deps;
  const db = database.orm;

  /** Answers the platform that the press was taken; a failure here must not lose the answer. */
  async function acknowledge(account: ChannelAccountRow, pressId: string) {
    const kind = account.kind as SocialKind;
    const adapter = deps.adapters[kind];
    if (!adapter.acknowledgePress) return;
    try {
      await adapter.acknowledgePress(pressId, {
        credentials: deps.credentialsOf(account),
        baseUrl: deps.baseUrlOf(kind),
      });
    } catch {
      // The spinner stops by itself after a while; the answer is already recorded.
    }
  }

  async function logUnhandled(account: ChannelAccountRow, payload: string) {
    await recordChannelError(db, {
      workspaceId: account.workspaceId,
      channelAccountId: account.id,
      occurredAt: clock.now(),
      source: 'webhook',
      failure: {
        code: 'unhandled_button',
        en: 'A customer pressed a Sada button nothing here answers (an old or unknown button); it was ignored.',
        ar: 'ضغط عميل زرًا من أزرار صدى لا يجيب عنه شيء هنا (زر قديم أو غير معروف)، فتُجوهل.',
      },
      detail: { payload },
      throttleMs: 60_000,
    });
  }

  /** The handler's words, on the conversation's newest case, in the customer's language. */
  async function reply(answer: ButtonAnswer, workspace: WorkspaceRow, text: { en: string; ar: string }) {
    const found = await findNewestConversationCase(db, {
      workspaceId: answer.workspaceId,
      channelAccountId: answer.channelAccountId,
      conversationKey: answer.conversationKey,
    });
    if (!found) return;
    await db.transaction(async (tx) => {
      const caseRow = await lockCaseById(tx, answer.workspaceId, found.id);
      if (!caseRow) return;
      await sendAutomaticMessage(tx, {
        caseRow,
        body: text[customerLanguageOf(caseRow, workspace)],
        label: REPLY_LABEL,
        now: clock.now(),
        mailDomain: deps.mailDomain,
      });
    });
  }

  return {
    async take({ account, workspace, event, conversationKey }) {
      const payload = event.payload;
      if (!payload) return false;
      if (!payload.startsWith(SADA_PREFIX)) {
        // Another app's button: it goes on to intake as before, but must not spin either.
        await acknowledge(account, event.externalId);
        return false;
      }
      try {
        const parsed = parseButtonPayload(payload);
        const handler = parsed ? deps.handlers[parsed.kind] : undefined;
        if (!parsed || !handler) {
          await logUnhandled(account, payload);
          return true;
        }
        const press = { channelAccountId: account.id, deliveryKey: event.externalId };
        const isFirst = await claimButtonPress(db, {
          ...press,
          workspaceId: workspace.id,
          kind: parsed.kind,
          subjectId: parsed.subjectId,
          choice: parsed.choice,
          conversationKey,
          receivedAt: clock.now(),
        });
        if (!isFirst) return true;
        const answer: ButtonAnswer = {
          workspaceId: workspace.id,
          channel: account.kind as SocialKind,
          channelAccountId: account.id,
          conversationKey,
          authorExternalId: event.author.externalId,
          subjectId: parsed.subjectId,
          choice: parsed.choice,
          deliveryKey: event.externalId,
          occurredAt: event.occurredAt,
        };
        let text: { en: string; ar: string } | null;
        try {
          text = await handler(answer);
        } catch (error) {
          // Not taken: the platform's retry of this webhook gets another go.
          await releaseButtonPress(db, press);
          throw error;
        }
        if (text) await reply(answer, workspace, text);
        return true;
      } finally {
        await acknowledge(account, event.externalId);
      }
    },
  };
}
