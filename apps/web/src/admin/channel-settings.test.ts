import { describe, expect, test } from 'vitest';
import { changedParts, channelLinks, nullIfBlank } from './channel-settings.ts';

describe('channelLinks', () => {
  test('builds the form, status page and the two snippets on the console’s own origin', () => {
    expect(channelLinks('https://sada.example.com', 'demo')).toEqual({
      formUrl: 'https://sada.example.com/w/demo/complaint',
      embedSnippet: '<script src="https://sada.example.com/embed.js" data-workspace="demo" async></script>',
      statusUrl: 'https://sada.example.com/w/demo/status',
      widgetSnippet: '<script src="https://sada.example.com/widget.js" data-workspace="demo" async></script>',
    });
  });

  test('keeps a stray trailing slash and odd characters out of the addresses and attributes', () => {
    const links = channelLinks('http://localhost:3000/', 'a"b');
    expect(links.formUrl).toBe('http://localhost:3000/w/a%22b/complaint');
    expect(links.widgetSnippet).toContain('data-workspace="a&quot;b"');
  });
});

describe('changedParts', () => {
  test('sends only the keys that changed, comparing lists and objects by value', () => {
    const saved = { isEnabled: true, title: { ar: 'أ', en: 'A' }, products: [{ id: 'x' }] };
    expect(changedParts(saved, { ...saved, title: { ar: 'أ', en: 'A' } })).toEqual({});
    expect(changedParts(saved, { ...saved, isEnabled: false, products: [] })).toEqual({
      isEnabled: false,
      products: [],
    });
  });
});

test('nullIfBlank turns an empty optional setting into null and trims the rest', () => {
  expect(nullIfBlank('  ')).toBeNull();
  expect(nullIfBlank(' mail.example.com ')).toBe('mail.example.com');
});
