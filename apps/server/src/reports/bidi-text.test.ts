import { describe, expect, it } from 'vitest';
import { visualRuns } from './bidi-text.ts';

const drawn = (text: string, direction: 'rtl' | 'ltr' | 'auto') =>
  visualRuns(text, direction).map((run) => run.text);

describe('lines of mixed Arabic, Latin and numbers in drawing order', () => {
  it('puts the first word of an Arabic line at the right and keeps numbers left to right', () => {
    expect(drawn('صفحة 12 من 30', 'rtl')).toEqual(['30', ' ', 'من', ' ', '12', ' ', 'صفحة']);
  });

  it('hands Arabic runs to the shaper in logical order and reverses the neutral ones, mirrored', () => {
    expect(visualRuns('الحالات (%)', 'rtl')).toEqual([
      { text: '(%) ', script: 'latin', isShapedRightToLeft: false },
      { text: 'الحالات', script: 'arabic', isShapedRightToLeft: true },
    ]);
  });

  it('keeps a Latin reference inside an Arabic line in one left-to-right piece', () => {
    expect(drawn('الحالة TST-2026-000012 مغلقة', 'rtl')).toEqual([
      'مغلقة',
      ' ',
      'TST-2026-000012',
      ' ',
      'الحالة',
    ]);
  });

  it('hands Arabic-Indic digits over reversed, as the shaper lays them out right to left', () => {
    expect(drawn('صفحة ١٢', 'rtl')).toEqual(['٢١', ' ', 'صفحة']);
  });

  it('gives letters beyond Latin-1 and the lira sign to the Latin Extended face, ı to the Latin one', () => {
    expect(visualRuns('Wrocław Kadıköy ₺5', 'ltr').map((run) => [run.text, run.script])).toEqual([
      ['Wroc', 'latin'],
      ['ł', 'latinExt'],
      ['aw Kadıköy ', 'latin'],
      ['₺', 'latinExt'],
      ['5', 'latin'],
    ]);
  });

  it('reads an Arabic name right to left in an English line of its own', () => {
    expect(drawn('فريق الفواتير 2', 'auto')).toEqual(['2', ' ', 'الفواتير', ' ', 'فريق']);
    expect(drawn('Billing 2', 'auto')).toEqual(['Billing 2']);
  });
});
