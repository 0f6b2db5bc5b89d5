import { PUBLIC_ATTACHMENT_MAX_BYTES, PUBLIC_ATTACHMENT_MAX_COUNT } from '@sada/contracts';
import { AppError } from '@sada/core';
import type { FastifyRequest } from 'fastify';
import { formatBytes } from './layout.ts';
import type { PageLanguage, UploadedFile } from './page-context.ts';
import { STRINGS } from './strings.ts';

/** Limits of a public multipart form: the files the channels allow, and room for a long description. */
export const MULTIPART_LIMITS = {
  fileSize: PUBLIC_ATTACHMENT_MAX_BYTES,
  files: PUBLIC_ATTACHMENT_MAX_COUNT,
  // Each ticked option of a multiple-choice field is a field of its own.
  fields: 200,
  // 20,000 characters of Arabic are 40 kB in UTF-8.
  fieldSize: 100 * 1024,
  parts: 210,
  headerPairs: 100,
};

/** A form's text fields by name; a name sent more than once (checkbox groups) gives a list. */
export type FormFields = Record<string, string | string[]>;

const tooLarge = (message: { en: string; ar: string }) =>
  new AppError('payload_too_large', message, { fields: [{ path: 'attachments', message }] });

const both = (make: (language: PageLanguage) => string) => ({ en: make('en'), ar: make('ar') });

// @fastify/multipart's limit errors become one clear message next to the file input.
function toAppError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(
        both((language) =>
          STRINGS[language].fileTooLarge({ size: formatBytes(MULTIPART_LIMITS.fileSize, language) }),
        ),
      );
    case 'FST_FILES_LIMIT':
      return tooLarge(both((language) => STRINGS[language].tooManyFiles({ count: MULTIPART_LIMITS.files })));
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('payload_too_large', {
        en: 'The form has too many fields.',
        ar: 'النموذج يحتوي حقولًا أكثر من المسموح.',
      });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('bad_request', {
        en: 'Send the form as multipart/form-data.',
        ar: 'أرسل النموذج بصيغة multipart/form-data.',
      });
    default:
      return error;
  }
}

/**
 * Reads a multipart form (with @fastify/multipart registered in the route's scope) into its fields
 * and files; an empty file input is skipped. A limit reached ends the reading with `problem` (an
 * AppError payload_too_large) and the fields read so far, so the page can keep what was typed.
 */
export async function readMultipartForm(
  request: FastifyRequest,
): Promise<{ fields: FormFields; files: UploadedFile[]; problem: AppError | null }> {
  const fields: FormFields = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts({ limits: MULTIPART_LIMITS })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        // toBuffer throws at the limit unless the scope turned throwFileSizeLimit off; never keep a cut file.
        if (part.file.truncated)
          throw Object.assign(new Error('file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
        if (part.filename === '' && content.length === 0) continue;
        files.push({ filename: part.filename, declaredType: part.mimetype, content });
        continue;
      }
      const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
      const existing = fields[part.fieldname];
      fields[part.fieldname] =
        existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
  } catch (error) {
    const problem = toAppError(error);
    if (!(problem instanceof AppError)) throw problem;
    return { fields, files: [], problem };
  }
  return { fields, files, problem: null };
}

/** The last value of a field (a repeated name keeps the last), or undefined. */
export function lastValue(fields: FormFields, name: string): string | undefined {
  const value = fields[name];
  return Array.isArray(value) ? value.at(-1) : value;
}
