import { describe, expect, it } from 'vitest';
import { replyRefusal, replyWindow } from './reply-check.ts';

const now = new Date('2026-11-26T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe('reply windows by platform', () => {
  it('WhatsApp: open for 24 hours, then closed with a template offered', () => {
    expect(replyWindow('whatsapp', hoursAgo(23), now)).toEqual({
      state: 'open',
      closesAt: new Date('2026-11-26T13:00:00Z'),
    });
    expect(replyWindow('whatsapp', hoursAgo(25), now)).toEqual({
      state: 'closed',
      closedAt: new Date('2026-11-26T11:00:00Z'),
      canSendTemplate: true,
    });
    expect(replyWindow('whatsapp', null, now)).toEqual({
      state: 'closed',
      closedAt: null,
      canSendTemplate: true,
    });
  });

  it('Messenger and Instagram: 24 hours, then 7 days with the human-agent tag, no templates', () => {
    expect(replyWindow('facebook', hoursAgo(30), now)).toMatchObject({ state: 'extended' });
    expect(replyWindow('instagram', hoursAgo(7 * 24 - 1), now)).toMatchObject({ state: 'extended' });
    expect(replyWindow('instagram', hoursAgo(7 * 24 + 1), now)).toMatchObject({
      state: 'closed',
      canSendTemplate: false,
    });
  });

  it('Telegram and X: no window at all', () => {
    expect(replyWindow('telegram', hoursAgo(24 * 400), now)).toEqual({ state: 'always' });
    expect(replyWindow('x', null, now)).toEqual({ state: 'always' });
  });
});

describe('replies refused before they are stored', () => {
  const base = { visibility: 'private' as const, text: 'Hello', now };

  it('names the window, when it closed and what to do, in both languages', () => {
    const refusal = replyRefusal({
      ...base,
      kind: 'whatsapp',
      action: 'message',
      lastInboundAt: hoursAgo(30),
    });
    expect(refusal?.code).toBe('window_closed');
    expect(refusal?.text.en).toBe(
      "WhatsApp allows replies for 24 hours after the customer's last message, and that window closed on 2026-11-26 06:00 UTC. Send an approved template instead, or wait for the customer to write again.",
    );
    expect(refusal?.text.ar).toContain('واتساب');
    expect(refusal?.text.ar).toContain('قالبًا معتمدًا');
    const never = replyRefusal({ ...base, kind: 'instagram', action: 'message', lastInboundAt: null });
    expect(never?.code).toBe('never_wrote');
    expect(never?.text.en).toMatch(/another channel/);
  });

  it('lets through what the platform takes: inside windows, public replies, private replies to comments', () => {
    expect(
      replyRefusal({ ...base, kind: 'facebook', action: 'message', lastInboundAt: hoursAgo(100) }),
    ).toBeNull();
    expect(
      replyRefusal({
        ...base,
        kind: 'facebook',
        action: 'reply_public',
        visibility: 'public',
        lastInboundAt: null,
      }),
    ).toBeNull();
    expect(
      replyRefusal({ ...base, kind: 'instagram', action: 'private_reply', lastInboundAt: null }),
    ).toBeNull();
    expect(replyRefusal({ ...base, kind: 'telegram', action: 'message', lastInboundAt: null })).toBeNull();
  });

  it('measures length as each platform does', () => {
    const arabic = 'ب'.repeat(600);
    // Instagram counts bytes: 600 Arabic letters are 1200.
    expect(
      replyRefusal({
        ...base,
        kind: 'instagram',
        action: 'message',
        text: arabic,
        lastInboundAt: hoursAgo(1),
      }),
    ).toMatchObject({ code: 'too_long' });
    // WhatsApp counts characters: the same text fits.
    expect(
      replyRefusal({
        ...base,
        kind: 'whatsapp',
        action: 'message',
        text: arabic,
        lastInboundAt: hoursAgo(1),
      }),
    ).toBeNull();
    // X public replies: 280 weighted; a link counts 23 whatever its length.
    const tweet = `${'a'.repeat(250)} https://example.com/${'x'.repeat(200)}`;
    expect(
      replyRefusal({
        ...base,
        kind: 'x',
        action: 'reply_public',
        visibility: 'public',
        text: tweet,
        lastInboundAt: null,
      }),
    ).toBeNull();
    const refused = replyRefusal({
      ...base,
      kind: 'x',
      action: 'reply_public',
      visibility: 'public',
      text: 'a'.repeat(300),
      lastInboundAt: null,
    });
    expect(refused?.text.en).toMatch(/20 characters over X's limit of 280/);
    expect(refused?.text.ar).toContain('280');
  });
});
