import { AppError } from './errors.ts';

/** The IANA name of a time zone as Intl spells it (`asia/riyadh` → `Asia/Riyadh`), or undefined if unknown. */
export function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The canonical name of a time zone; throws `validation_failed` naming the zone when it does not exist. */
export function assertTimeZone(zone: string): string {
  const canonical = canonicalTimeZone(zone);
  if (canonical) return canonical;
  throw new AppError(
    'validation_failed',
    {
      en: `"${zone}" is not a time zone; use an IANA name such as Asia/Riyadh or Africa/Cairo.`,
      ar: `«${zone}» ليست منطقة زمنية؛ استخدم اسمًا من قاعدة IANA مثل Asia/Riyadh أو Africa/Cairo.`,
    },
    {
      fields: [
        {
          path: 'timeZone',
          message: { en: `unknown time zone "${zone}"`, ar: `منطقة زمنية غير معروفة «${zone}»` },
        },
      ],
    },
  );
}
