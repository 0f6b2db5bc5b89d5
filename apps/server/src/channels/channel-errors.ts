// Channel failures as the API shows them: the `last_error*` columns of outbox rows, social accounts
// and mailboxes, and the error logs of the setup page.
import { type ChannelErrorCode, channelFailureOf, quoted } from '@sada/channels';
import type { channelErrorEntry } from '@sada/contracts';
import type { ChannelErrorRow, StoredFailure } from '@sada/db';
import type { z } from 'zod';

/** Anything a channel threw, as stored and shown: our own errors keep their code and both texts. */
export function storedFailureOf(error: unknown, fallback?: ChannelErrorCode): StoredFailure {
  const { code, text } = channelFailureOf(error, fallback);
  return { code, en: text.en, ar: text.ar };
}

/** One entry of an error log as the API answers it. */
export function publicChannelError(row: ChannelErrorRow): z.infer<typeof channelErrorEntry> {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    source: row.source as z.infer<typeof channelErrorEntry>['source'],
    occurrences: row.occurrences,
    error: { code: row.code, en: row.textEn, ar: row.textAr },
    detail: row.detail ?? null,
  };
}

/** A message the platform took and then reported undeliverable (WhatsApp's failed status), in its words. */
export function undeliveredFailure(platform: string, words: string | null): StoredFailure {
  return words
    ? {
        code: 'platform_error',
        en: `${platform} could not deliver it: ${quoted(words)}.`,
        ar: `تعذّر على ${platform} إيصالها: ${quoted(words)}.`,
      }
    : {
        code: 'platform_error',
        en: `${platform} could not deliver it.`,
        ar: `تعذّر على ${platform} إيصالها.`,
      };
}

/** A webhook request refused because its signature (or secret token) does not match. */
export function badSignatureFailure(platform: string): StoredFailure {
  return {
    code: 'bad_signature',
    en: `A webhook request for ${platform} was refused: its signature does not match the app secret (or secret token) stored here, so nothing was stored. Check the secret, or ignore it if the request was not the platform's.`,
    ar: `رُفض طلب webhook لحساب ${platform}: توقيعه لا يطابق سرّ التطبيق (أو الرمز السري) المحفوظ هنا، فلم يُحفظ شيء. تحقق من السرّ، أو تجاهل الأمر إن لم يكن الطلب من المنصة.`,
  };
}

/**
 * Asks the platform who the stored credentials belong to (getMe, users/me, the Page): null when it
 * answers, else why not, with the platform's words and never one of the `secrets`.
 */
export async function credentialsFailure(
  platform: string,
  request: { url: string; headers: Record<string, string> },
  secrets: string[],
): Promise<StoredFailure | null> {
  let failure: StoredFailure;
  try {
    const response = await fetch(request.url, {
      headers: request.headers,
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) return null;
    const { status } = response;
    const words = quoted((await response.text()).slice(0, 300));
    failure = {
      code:
        status === 401
          ? 'auth'
          : status === 403
            ? 'permission'
            : status === 429
              ? 'rate_limited'
              : 'platform_error',
      en: `${platform} refused the credentials (${status}): ${words}. Check them, or connect the account again.`,
      ar: `رفض ${platform} بيانات الاعتماد (${status}): ${words}. تحقق منها، أو اربط الحساب من جديد.`,
    };
  } catch (error) {
    const words = quoted(error instanceof Error ? error.message : String(error));
    failure = {
      code: 'unreachable',
      en: `${platform} could not be reached: ${words}.`,
      ar: `تعذّر الوصول إلى ${platform}: ${words}.`,
    };
  }
  for (const secret of secrets.filter(Boolean)) {
    failure = { ...failure, en: failure.en.replaceAll(secret, '…'), ar: failure.ar.replaceAll(secret, '…') };
  }
  return failure;
}
