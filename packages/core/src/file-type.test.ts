import { describe, expect, it } from 'vitest';
import { referenceNumbersIn, sniffContentType } from './file-type.ts';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((value) =>
      typeof value === 'string' ? Array.from(value, (c) => c.charCodeAt(0)) : [value],
    ),
  );

describe('sniffContentType', () => {
  it('knows images and PDF by their first bytes', () => {
    expect(sniffContentType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('image/png');
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffContentType(bytes('GIF89a', 1, 0))).toBe('image/gif');
    expect(sniffContentType(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses a program renamed to look like an image, and HTML', () => {
    expect(sniffContentType(bytes('MZ', 0x90, 0))).toBeUndefined();
    expect(sniffContentType(bytes('<html><script>'))).toBeUndefined();
    expect(sniffContentType(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });
});

describe('referenceNumbersIn', () => {
  it('finds the reference in a reply subject, once, whatever the case', () => {
    expect(referenceNumbersIn('Re: Re: [sad-2026-000042] الطلب متأخر — SAD-2026-000042')).toEqual([
      'SAD-2026-000042',
    ]);
    expect(referenceNumbersIn('order 2026-000042 late')).toEqual([]);
  });
});
