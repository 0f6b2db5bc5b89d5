// What a file is, judged by its first bytes, never by its name or the type its sender declared.
// Signatures: PNG (RFC 2083 §3.1), JPEG (JFIF/EXIF SOI marker FF D8 FF), GIF87a/GIF89a, WebP
// (RIFF....WEBP, RFC 9649 §2), PDF ("%PDF-", ISO 32000-1 §7.5.2).

type Signature = { type: string; matches: (bytes: Uint8Array) => boolean };

const startsWith = (bytes: Uint8Array, prefix: number[], offset = 0) =>
  bytes.length >= offset + prefix.length && prefix.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => Array.from(text, (character) => character.charCodeAt(0));

const SIGNATURES: Signature[] = [
  { type: 'image/png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { type: 'image/webp', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { type: 'application/pdf', matches: (b) => startsWith(b, ascii('%PDF-')) },
];

/** The type the content shows, among the ones Sada recognises; undefined for anything else. */
export function sniffContentType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((signature) => signature.matches(bytes))?.type;
}

/** Reference numbers written in a text (an e-mail subject: "Re: [SAD-2026-000042] …"), upper-cased. */
export function referenceNumbersIn(text: string): string[] {
  return [
    ...new Set(Array.from(text.toUpperCase().matchAll(/\b([A-Z]{2,6}-\d{4}-\d{6,})\b/g), (m) => m[1]!)),
  ];
}
