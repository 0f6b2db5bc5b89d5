import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageLanguage } from './page-context.ts';

describe('pageLanguage', () => {
  it('takes ?lang first, then the first of Arabic or English the browser prefers, then the workspace', () => {
    expect(pageLanguage('en', 'ar-SA,ar;q=0.9', 'ar')).toBe('en');
    expect(pageLanguage(undefined, 'fr-FR,en-GB;q=0.8,ar;q=0.5', 'ar')).toBe('en');
    expect(pageLanguage(undefined, 'en;q=0.4,ar-EG;q=0.9', 'en')).toBe('ar');
    expect(pageLanguage('fr', 'de-DE,fr;q=0.9', 'ar')).toBe('ar');
    expect(pageLanguage(undefined, undefined, 'en')).toBe('en');
  });
});

describe('contentSecurityPolicy', () => {
  it('allows inline code by nonce only and refuses framing', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc' });
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("style-src 'nonce-abc'");
    expect(policy).toContain("script-src 'nonce-abc'");
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('lets the workspace’s sites frame the embedded form, and any site when it lists none', () => {
    expect(
      contentSecurityPolicy({ nonce: 'n', embedOrigins: ['https://shop.example.com', 'https://b.example'] }),
    ).toContain('frame-ancestors https://shop.example.com https://b.example');
    expect(contentSecurityPolicy({ nonce: 'n', embedOrigins: [] })).toContain('frame-ancestors *');
  });

  it('admits the captcha provider’s scripts and frames', () => {
    const policy = contentSecurityPolicy({ nonce: 'n', captchaProvider: 'turnstile' });
    expect(policy).toContain("script-src 'nonce-n' https://challenges.cloudflare.com");
    expect(policy).toContain('frame-src https://challenges.cloudflare.com');
  });
});
