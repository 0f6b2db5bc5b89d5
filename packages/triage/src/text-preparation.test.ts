import { describe, expect, it } from 'vitest';
import { arabiziToArabic, looksLikeArabizi } from './arabizi.ts';
import { findEmojiSignals, prepareText } from './text-preparation.ts';

describe('prepareText', () => {
  it('turns links, mentions and hashtags into markers and keeps hashtag words', () => {
    const prepared = prepareText('@STCcare النت مقطوع #انقطاع_الانترنت https://t.co/x');
    expect(prepared).toMatchObject({ urls: 1, mentions: 1, hashtags: ['انقطاع_الانترنت'] });
    expect(prepared.modelText).toBe('النت مقطوع انقطاع الانترنت xurl xuser xhashtag');
  });

  it('finds emoji and emoticons with their polarity and position', () => {
    expect(findEmojiSignals('bad :( but ok 👍')).toEqual([
      { text: ':(', polarity: 'negative', start: 4, end: 6 },
      { text: '👍', polarity: 'positive', start: 14, end: 16 },
    ]);
  });

  it('does not read times or links as emoticons', () => {
    expect(findEmojiSignals('at 10:30 see http://x.example/a:b')).toEqual([]);
  });

  it('transliterates Arabizi so it reads as Arabic', () => {
    expect(looksLikeArabizi('ana 3ayez arga3 el floos')).toBe(true);
    expect(looksLikeArabizi('I want my money back')).toBe(false);
    expect(arabiziToArabic('mesh 3ayez')).toBe('مش عايز');
    expect(prepareText('el service zift').isArabizi).toBe(true);
  });
});
