import { describe, expect, it } from 'vitest';
import { countDialectMarkers, detectLanguage } from './language-detection.ts';
import { normalizeForSearch } from './normalize.ts';

describe('detectLanguage', () => {
  it('tells Arabic, English, Arabizi and other languages apart', () => {
    expect(detectLanguage('الطلب ما وصل')).toMatchObject({ label: 'ar', script: 'arabic', isMixed: false });
    expect(detectLanguage('my order is late')).toMatchObject({ label: 'en', script: 'latin' });
    expect(detectLanguage('ana 3ayez el order beta3i')).toMatchObject({ label: 'ar', script: 'arabizi' });
    expect(detectLanguage('le colis est en retard et je suis pas content')).toMatchObject({ label: 'other' });
    expect(detectLanguage('заказ не пришел')).toMatchObject({ label: 'other', script: 'other' });
  });

  it('marks Arabic with English words as mixed, ignoring mentions and links', () => {
    expect(detectLanguage('الـ tracking واقف والـ order ما وصل')).toMatchObject({
      label: 'ar',
      isMixed: true,
    });
    expect(detectLanguage('@AmazonHelp https://t.co/abc الطلب ما وصل')).toMatchObject({
      label: 'ar',
      isMixed: false,
    });
  });

  it('counts dialect marker words after normalisation', () => {
    const markers = countDialectMarkers(normalizeForSearch('عايز أعرف الأوردر فين، وابي اعرف وش صار'));
    expect(markers).toMatchObject({ egyptian: 2, gulf: 2, levantine: 0 });
  });
});
