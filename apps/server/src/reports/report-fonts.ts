// The report's typeface: IBM Plex Sans Arabic (SIL Open Font License 1.1), from the npm package
// @fontsource/ibm-plex-sans-arabic. Its Arabic, Latin and Latin Extended subsets are separate files,
// so each run of text is drawn with the face of its script. Chosen over Noto Sans Arabic, whose letters share dotless base
// glyphs (dots are marks), so its glyphs cannot map back to letters: Plex has a glyph per letter and
// form, and the PDF's text (pdftotext, copy, search) reads as the Arabic it shows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { Script } from './bidi-text.ts';

const require = createRequire(import.meta.url);

export type FontName = `${Script}-${400 | 700}`;

const FONT_FILES: Record<FontName, string> = {
  'arabic-400': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-400-normal.woff',
  'arabic-700': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-700-normal.woff',
  'latin-400': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-latin-400-normal.woff',
  'latin-700': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-latin-700-normal.woff',
  'latinExt-400': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-latin-ext-400-normal.woff',
  'latinExt-700': '@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-latin-ext-700-normal.woff',
};

let fonts: Record<FontName, Buffer> | undefined;

/**
 * The six faces as plain OpenType (sfnt) files, unpacked from WOFF once per process: fontkit reads
 * WOFF by inflating tables in JavaScript on every access, seconds per report; zlib does it once.
 */
export function reportFonts(): Record<FontName, Buffer> {
  fonts ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, sfntOfWoff(readFileSync(require.resolve(file)))]),
  ) as Record<FontName, Buffer>;
  return fonts;
}

/** WOFF 1.0 to the sfnt it wraps: the same tables, each inflated when compressed, 4-byte aligned. */
export function sfntOfWoff(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.readUInt32BE(entry),
      checksum: woff.readUInt32BE(entry + 16),
      data: compressed < length ? inflateSync(stored) : stored,
    };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const chunks: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    chunks.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(chunks);
}
