import { AppError } from '@sada/core';

export type Cursor = { value: string; id: string };

/** Keyset cursors are opaque to clients: the sort value and id of the last row, in base64url JSON. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('bad_request', {
    en: 'The cursor is not valid: pass back the nextCursor of the previous page unchanged.',
    ar: 'المؤشر غير صالح: أعد إرسال nextCursor من الصفحة السابقة كما هو.',
  });
}
