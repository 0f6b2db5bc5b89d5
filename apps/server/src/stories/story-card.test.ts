import type { StoryView } from '@sada/db';
import { describe, expect, it } from 'vitest';
import { storyCardSvg, storyMarkdown, wrapText } from './story-card.ts';

const now = new Date('2026-11-26T10:00:00Z');
const view = (overrides: Partial<StoryView> = {}): StoryView => ({
  id: '3f0c9d2a-1b4e-4c5d-9e6f-7a8b9c0d1e2f',
  workspaceId: '3f0c9d2a-1b4e-4c5d-9e6f-7a8b9c0d1e20',
  caseId: '3f0c9d2a-1b4e-4c5d-9e6f-7a8b9c0d1e21',
  status: 'consented',
  problem: 'Order TST-2026-000042 never came',
  resolution: 'We sent a new one by express',
  customerWords: 'Amal Haddad says: <fast> & kind!',
  isAnonymous: true,
  consentRequestedAt: now,
  consentAt: now,
  consentVia: 'web',
  createdBy: null,
  createdAt: now,
  updatedAt: now,
  referenceNumber: 'TST-2026-000042',
  orderReference: null,
  customerName: 'Amal Haddad',
  customerEmail: null,
  customerPhone: null,
  ...overrides,
});

describe('the story card', () => {
  it('wraps long words into lines no wider than asked, with an ellipsis past the last line', () => {
    const lines = wrapText('word '.repeat(200), { fontSize: 40, maxWidth: 600, maxLines: 3 });

    expect(lines).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/…$/);
    expect(lines[0]!.length).toBeLessThan(60);
  });

  it('escapes the customer’s words and leaves their name out', () => {
    const svg = storyCardSvg(view(), { workspaceName: 'Shop & Co', language: 'en' });

    expect(svg).toContain('the customer says: &lt;fast&gt; &amp; kind!');
    expect(svg).toContain('Shop &amp; Co');
    expect(svg).not.toContain('Amal');
    expect(svg).not.toMatch(/<fast>/);
  });

  it('writes Markdown headings in the language asked for, with the first name when allowed', () => {
    const markdown = storyMarkdown(view({ isAnonymous: false }), { workspaceName: 'Shop', language: 'ar' });

    expect(markdown).toContain('# قصة عميل من Shop');
    expect(markdown).toContain('## ما قمنا به');
    expect(markdown).toContain('> Amal says: <fast> & kind!');
    expect(markdown).toContain('Order [reference] never came');
    expect(markdown).not.toContain('Haddad');
    expect(markdown).toContain('التاريخ: 2026-11-26');
  });
});
