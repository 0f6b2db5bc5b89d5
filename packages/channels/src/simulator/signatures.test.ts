import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { metaJson, metaLegacySignature, metaSignature, xSignature } from './signatures.ts';

// The body remixz/messenger-bot signs in test/middleware-post.js, byte for byte (CHANNELS.md §0).
const remixzBody =
  '{"object":"page","entry":[{"id":1751036168465324,"time":1460923697656,"messaging":[{"sender":{"id":982337261802700},' +
  '"recipient":{"id":1751036168465324},"timestamp":1460923697635,"message":{"mid":"mid.1460923697625:5c96e8279b55505308",' +
  '"seq":614,"text":"Test \\u00e4\\u00eb\\u00ef"}}]}]}';

describe('platform signatures', () => {
  it('reproduces the Meta vectors of CHANNELS.md', () => {
    const secret = 'e6af24be1d683c8c911949f897eea1f6';
    expect(metaLegacySignature(remixzBody, secret)).toBe('sha1=f1a4569dcf02a9829a15696d949b386b7d6d0272');
    expect(metaSignature(remixzBody, secret)).toBe(
      'sha256=7f202c12ba7dbbd1cb23d8a1b4af648fe22ea04456c0a926fcf8cb4e6da31ab4',
    );
  });

  it('reproduces the X CRC vector from nyaruka/courier', () => {
    expect(xSignature('test token', 'apiSecret')).toBe('sha256=O5hJl2njQRIa4vsumZ+3oom9ECR5m3aQLRZkPoYelp0=');
  });

  it('writes JSON as Meta does, with non-ASCII and slashes escaped, so it parses back to the same value', () => {
    const value = { text: 'Test äëï', url: 'https://example.com/a', arabic: 'الشحنة تأخرت' };
    const raw = metaJson(value);
    expect(raw).toContain('"text":"Test \\u00e4\\u00eb\\u00ef"');
    expect(raw).toContain('https:\\/\\/example.com\\/a');
    expect(raw).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(raw)).toEqual(value);
  });

  it('reproduces the remixz body from its parsed value', () => {
    const value = JSON.parse(remixzBody) as unknown;
    // Ids there are numbers below 2^53, so the round trip is exact.
    expect(metaJson(value)).toBe(remixzBody);
  });

  it('signs an Arabic Meta body differently from its re-serialised JSON', () => {
    const value = { text: 'الشحنة تأخرت' };
    const expected = `sha256=${createHmac('sha256', 'secret').update(metaJson(value)).digest('hex')}`;
    expect(metaSignature(metaJson(value), 'secret')).toBe(expected);
    expect(metaSignature(JSON.stringify(value), 'secret')).not.toBe(expected);
  });
});
