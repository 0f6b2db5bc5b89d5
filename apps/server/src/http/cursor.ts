import { uuid } from '@sada/contracts';
import { AppError } from '@sada/core';

export type Cursor = { value: string; id: string };

const invalidCursor = () =>
  new AppError('bad_request', {
    en: 'The cursor is not valid: pass back the nextCursor of the previous page unchanged.',
    ar: 'المؤشر غير صالح: أعد إرسال nextCursor من الصفحة السابقة كما هو.',
  });

/** Keyset cursors are opaque to clients: the sort value and id of the last row, in base64url JSON. */
function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/** The cursor of the page after `rows`, read with `sortValue` from its last row; null when the page was not full. */
export function nextCursorOf<Row extends { id: string }>(
  rows: readonly Row[],
  limit: number,
  sortValue: (row: Row) => string,
): string | null {
  const last = rows.at(-1);
  return rows.length === limit && last ? encodeCursor({ value: sortValue(last), id: last.id }) : null;
}

/** The sort value of a list sorted by creation time, as decodeTimeCursor reads it back. */
export const createdAtValue = (row: { createdAt: Date }) => row.createdAt.toISOString();

/** A cursor read back; every list pages by a row id, so one that is not a uuid was not ours. */
export function decodeCursor(text: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      uuid.safeParse(parsed[1]).success
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
