// Test helper: a fixture file as the RawWebhook it would arrive as.
import { readFileSync } from 'node:fs';
import type { RawWebhook } from '../adapter.ts';

const fixtures = new URL('./fixtures/', import.meta.url);

export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(name, fixtures));
}

export function postedFixture(name: string, headers: Record<string, string> = {}): RawWebhook {
  return { method: 'POST', headers, query: {}, rawBody: fixtureBytes(name) };
}
