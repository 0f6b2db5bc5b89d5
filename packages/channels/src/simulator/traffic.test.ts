import { describe, expect, it } from 'vitest';
import { sampleTraffic, trafficDelivery } from './traffic.ts';
import { builtInCorpus, cleanPost, defaultDataDir, parseCsv } from './traffic-corpus.ts';

function htmlEscaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Where each platform puts the text (X escapes HTML; Meta's escapes vanish on parsing).
function textOf(body: any): string {
  const entry = body.entry?.[0];
  const change = entry?.changes?.[0]?.value;
  return (
    entry?.messaging?.[0]?.message?.text ??
    change?.messages?.[0]?.text?.body ??
    change?.message ??
    change?.text ??
    body.message?.text ??
    body.tweet_create_events?.[0]?.text ??
    body.direct_message_events?.[0]?.message_create?.message_data?.text
  );
}

const channels = ['facebook', 'instagram', 'whatsapp', 'telegram', 'x'];

describe('sampleTraffic', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const corpus = builtInCorpus();
    const first = [...sampleTraffic({ count: 50, seed: 42, corpus })];
    const again = [...sampleTraffic({ count: 50, seed: 42, corpus })];
    const other = [...sampleTraffic({ count: 50, seed: 43, corpus })];
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('covers every channel, both languages and every kind, from the built-in list', () => {
    const samples = [...sampleTraffic({ count: 300, seed: 1, dataDir: null })];
    expect(new Set(samples.map((sample) => sample.channel))).toEqual(new Set(channels));
    expect(new Set(samples.map((sample) => sample.language))).toEqual(new Set(['ar', 'en']));
    expect(new Set(samples.map((sample) => sample.kind))).toEqual(
      new Set(['complaint', 'question', 'praise', 'trolling']),
    );
    expect(samples.every((sample) => sample.source === 'built-in')).toBe(true);
    const arabic = samples.filter((sample) => sample.language === 'ar');
    expect(arabic.every((sample) => /[\u0600-\u06ff]/.test(sample.text))).toBe(true);
    expect(arabic.length / samples.length).toBeGreaterThan(0.55);
  });

  it.runIf(defaultDataDir() !== null)(
    'draws from the shared datasets when they are on disk, deterministically',
    () => {
      const samples = [...sampleTraffic({ count: 300, seed: 9 })];
      expect([...sampleTraffic({ count: 300, seed: 9 })]).toEqual(samples);
      expect(new Set(samples.map((sample) => sample.channel))).toEqual(new Set(channels));
      expect(new Set(samples.map((sample) => sample.language))).toEqual(new Set(['ar', 'en']));
      const sources = new Set(samples.map((sample) => sample.source));
      expect(sources).toContain('marsa-gulf-ar');
      expect(sources).toContain('airline-sentiment-en');
      expect(sources).not.toContain('built-in');
    },
  );

  it('turns each sample into a delivery on its own platform', () => {
    const samples = [...sampleTraffic({ count: 60, seed: 3, dataDir: null })];
    for (const sample of samples) {
      const delivery = trafficDelivery(sample);
      expect(delivery.channel).toBe(sample.channel);
      const platform = {
        facebook: 'meta',
        instagram: 'meta',
        whatsapp: 'meta',
        telegram: 'telegram',
        x: 'x',
      }[sample.channel];
      expect(delivery.platform).toBe(platform);
      expect(textOf(JSON.parse(delivery.rawBody))).toContain(htmlEscaped(sample.text));
    }
  });
});

describe('the dataset readers', () => {
  it('parses quoted CSV fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, ""y""","line\nbreak"\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\nbreak'],
    ]);
  });

  it('strips leading handles, retweet marks and masks from posts', () => {
    expect(cleanPost('RT @USER: @united @AmericanAir my bag is lost URL')).toBe('my bag is lost');
    expect(cleanPost('سطر<LF>سطر')).toBe('سطر\nسطر');
  });
});
