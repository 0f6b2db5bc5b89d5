import { AppError } from '@sada/core';

export type Cursor = { value: string; id: string };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalidCursor = () =>
  new AppError('bad_request', {
    en: 'The cursor is not valid: pass back the nextCursor of the previous page unchanged.',
    ar: 'المؤشر غير صالح: أعد إرسال nextCursor من الصفحة السابقة كما هو.',
  });

/** Keyset cursors are opaque to clients: the sort value and id of the last row, in base64url JSON. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/** A cursor read back; every list pages by a row id, so one that is not a uuid was not ours. */
export function decodeCursor(text: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      UUID_PATTERN.test(parsed[1])
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw invalidCursor();
}

/** A cursor of a list sorted by a time (newest or oldest first): the time and the id of the last row. */
export function decodeTimeCursor(text: string): { at: Date; id: string } {
  const cursor = decodeCursor(text);
  const at = new Date(cursor.value);
  if (Number.isNaN(at.getTime())) throw invalidCursor();
  return { at, id: cursor.id };
}
