// What every platform's buttons share: titles cut to the platform's length, a count it refuses
// before any request.
import { type SocialButton, SocialSendError } from './adapter.ts';

/** A title no longer than `max` characters (code points, so Arabic and emoji cut cleanly), ending in "…" when cut. */
export function shortenTitle(title: string, max: number): string {
  const characters = Array.from(title.trim());
  if (characters.length <= max) return characters.join('');
  return `${characters
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** Refuses more buttons than the platform shows, and payloads longer than it takes. */
export function assertButtonsFit(
  platform: string,
  buttons: SocialButton[],
  limits: { maxButtons: number; maxPayloadBytes: number },
): void {
  if (buttons.length > limits.maxButtons) {
    throw new SocialSendError(
      'invalid_request',
      limits.maxButtons === 0
        ? {
            en: `${platform} messages cannot carry buttons.`,
            ar: `رسائل ${platform} لا تحمل أزرارًا.`,
          }
        : {
            en: `${platform} shows at most ${limits.maxButtons} buttons under a message, not ${buttons.length}.`,
            ar: `يعرض ${platform} ${limits.maxButtons} أزرار على الأكثر تحت الرسالة، لا ${buttons.length}.`,
          },
      { isPermanent: true },
    );
  }
  for (const { payload } of buttons) {
    const bytes = Buffer.byteLength(payload, 'utf8');
    if (bytes < 1 || bytes > limits.maxPayloadBytes) {
      throw new SocialSendError(
        'invalid_request',
        {
          en: `A ${platform} button payload must be 1-${limits.maxPayloadBytes} bytes, not ${bytes}.`,
          ar: `بيانات زر ${platform} يجب أن تكون بين 1 و${limits.maxPayloadBytes} بايت، لا ${bytes}.`,
        },
        { isPermanent: true },
      );
    }
  }
}
