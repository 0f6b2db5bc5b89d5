import { describe, expect, it } from 'vitest';
import { checkReplyLength, measureText, replyLengthLimit } from './channel-limits.ts';
import { CHANNELS } from './vocabulary.ts';

describe('replyLengthLimit', () => {
  it('gives a public X reply 280 weighted characters and an X DM 10,000', () => {
    expect(replyLengthLimit('x', 'public')).toEqual({ max: 280, unit: 'x_weighted' });
    expect(replyLengthLimit('x', 'private')).toEqual({ max: 10_000, unit: 'characters' });
  });

  it('knows the messaging limits of Meta and Telegram', () => {
    expect(replyLengthLimit('whatsapp', 'public').max).toBe(4096);
    expect(replyLengthLimit('facebook', 'private').max).toBe(2000);
    expect(replyLengthLimit('instagram', 'private')).toEqual({ max: 1000, unit: 'utf8_bytes' });
    expect(replyLengthLimit('telegram', 'private').max).toBe(4096);
  });

  it('sets no limit on e-mail, the web form and live chat', () => {
    for (const channel of ['email', 'web_form', 'live_chat'] as const) {
      expect(replyLengthLimit(channel, 'public').max).toBeNull();
    }
  });

  it('answers for every channel and visibility', () => {
    for (const channel of CHANNELS) {
      for (const visibility of ['public', 'private'] as const) {
        const limit = replyLengthLimit(channel, visibility);
        expect(limit.max === null || limit.max > 0).toBe(true);
      }
    }
  });
});

describe('measureText', () => {
  it('counts an Arabic letter as one character on X, as Latin', () => {
    expect(measureText('شكرا لك', 'x_weighted')).toBe(7);
    expect(measureText('thanks!', 'x_weighted')).toBe(7);
  });

  it('counts every link on X as 23, however long', () => {
    const long = `see https://example.com/orders/${'a'.repeat(80)}`;
    expect(measureText(long, 'x_weighted')).toBe(4 + 23);
    expect(measureText('sada.sa', 'x_weighted')).toBe(23);
    expect(measureText('تابع الطلب على www.example.com/track', 'x_weighted')).toBe(15 + 23);
  });

  it('counts an emoji on X as 2, even a sequence joined by ZWJ or with a skin tone', () => {
    expect(measureText('👍', 'x_weighted')).toBe(2);
    expect(measureText('👍🏽', 'x_weighted')).toBe(2);
    expect(measureText('👨‍👩‍👧‍👦', 'x_weighted')).toBe(2);
    expect(measureText('中文', 'x_weighted')).toBe(4);
  });

  it('counts Arabic in UTF-8 bytes at two per letter, as Instagram does', () => {
    expect(measureText('مرحبا', 'utf8_bytes')).toBe(10);
    expect(measureText('hello', 'utf8_bytes')).toBe(5);
  });

  it('counts characters as code points and UTF-16 units apart', () => {
    expect(measureText('😀a', 'characters')).toBe(2);
    expect(measureText('😀a', 'utf16_units')).toBe(3);
  });
});

describe('checkReplyLength', () => {
  it('flags a public X reply one character too long', () => {
    const result = checkReplyLength('ا'.repeat(281), 'x', 'public');
    expect(result).toMatchObject({ length: 281, max: 280, remaining: -1, isTooLong: true });
    expect(checkReplyLength('ا'.repeat(281), 'x', 'private').isTooLong).toBe(false);
  });

  it('lets 600 Arabic letters through WhatsApp but not an Instagram DM', () => {
    const reply = 'س'.repeat(600);
    expect(checkReplyLength(reply, 'whatsapp', 'private').isTooLong).toBe(false);
    expect(checkReplyLength(reply, 'instagram', 'private')).toMatchObject({ length: 1200, isTooLong: true });
  });

  it('never flags a channel without a limit', () => {
    expect(checkReplyLength('x'.repeat(20_000), 'email', 'public')).toMatchObject({
      max: null,
      remaining: null,
      isTooLong: false,
    });
  });
});
