import { describe, expect, it } from 'vitest';
import { attr, escapeHtml, html, raw, safeUrl } from './html.ts';

describe('html', () => {
  it('escapes every interpolated value by default', () => {
    const hostile = `<script>alert("x")</script>' onmouseover='y' \``;
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y&#39; &#96;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y&#39; &#96;</p>',
    );
  });

  it('inserts raw() and nested fragments as they are, and joins arrays', () => {
    const items = ['<a>', 'b&c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${raw('<hr>')}`.value).toBe(
      '<ul><li>&lt;a&gt;</li><li>b&amp;c</li></ul><hr>',
    );
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`[${null}${undefined}${false}${0}${42}]`.value).toBe('[042]');
  });

  it('writes attributes only when they have a value', () => {
    expect(
      html`<input${attr('required', true)}${attr('aria-invalid', null)}${attr('title', 'a"b')}>`.value,
    ).toBe('<input required title="a&quot;b">');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('lets through only paths of this site and http(s) addresses', () => {
    expect(safeUrl('/w/acme/status?t=1')).toBe('/w/acme/status?t=1');
    expect(safeUrl('https://files.example.com/a.pdf')).toBe('https://files.example.com/a.pdf');
    for (const hostile of ['javascript:alert(1)', '//evil.example', '/\\evil.example', 'data:text/html,x']) {
      expect(safeUrl(hostile)).toBe('#');
    }
  });
});
