import { PUBLIC_ATTACHMENT_TYPES } from '@sada/contracts';
import { sniffContentType } from '@sada/core';
import type { StoredFileRow } from '@sada/db';
import type { FastifyReply } from 'fastify';

const SHOWN_INLINE = new Set<string>(PUBLIC_ATTACHMENT_TYPES);

/**
 * Sends a stored file so that it can never run as a page of ours: images and PDFs (judged by their
 * bytes) open in the browser, anything else downloads as bytes; a sandboxing CSP either way.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFileRow) {
  const sniffed = sniffContentType(file.content);
  const isInline = !!sniffed && SHOWN_INLINE.has(sniffed);
  const asciiName = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', isInline ? sniffed : 'application/octet-stream')
    .header(
      'content-disposition',
      `${isInline ? 'inline' : 'attachment'}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=300')
    .header('cross-origin-resource-policy', 'cross-origin')
    .send(file.content);
}
