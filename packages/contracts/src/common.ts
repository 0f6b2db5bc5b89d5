import { z } from 'zod';

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const uuid = z.uuid();
export const isoDate = z.iso.datetime({ offset: true });

/** Accepts `a,b` or repeated query parameters and yields a list. */
export function listParam<T extends z.ZodType<string>>(item: T) {
  return z.preprocess((value) => {
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    const split = values.flatMap((entry) => String(entry).split(',')).map((entry) => entry.trim());
    const present = split.filter((entry) => entry.length > 0);
    return present.length > 0 ? present : undefined;
  }, z.array(item).optional());
}

export const nonEmptyText = (max: number) => z.string().trim().min(1).max(max);

const LOCALIZED_MARK = '\u2063sada:';

/**
 * A validation message in both languages. zod carries one string per issue, so both texts travel
 * in it, marked; the server's error handler picks the language the caller prefers.
 */
export function localizedMessage(en: string, ar: string): string {
  return `${LOCALIZED_MARK}${JSON.stringify({ en, ar })}`;
}

export function readLocalizedMessage(message: string): { en: string; ar: string } | undefined {
  if (!message.startsWith(LOCALIZED_MARK)) return undefined;
  try {
    const parsed = JSON.parse(message.slice(LOCALIZED_MARK.length)) as { en?: unknown; ar?: unknown };
    return typeof parsed.en === 'string' && typeof parsed.ar === 'string'
      ? { en: parsed.en, ar: parsed.ar }
      : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON value as it crosses the wire: the server's Date fields arrive as ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [Key in keyof T]: Wire<T[Key]> }
      : T;
