import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';

describe('secret box', () => {
  it('seals each secret differently and opens it again', () => {
    const box = createSecretBox({ kind: 'value', key: Buffer.alloc(32, 1) });
    const first = box.seal('sk-live-123');
    const second = box.seal('sk-live-123');
    expect(first).not.toBe(second);
    expect(first).not.toContain('sk-live-123');
    expect(box.open(first)).toBe('sk-live-123');
    expect(box.open(second)).toBe('sk-live-123');
  });

  it('refuses a sealed secret that was changed, or sealed with another key', () => {
    const box = createSecretBox({ kind: 'value', key: Buffer.alloc(32, 1) });
    const sealed = box.seal('token');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), body.toString('base64url')].join('.'))).toThrow();
    const other = createSecretBox({ kind: 'value', key: Buffer.alloc(32, 2) });
    expect(() => other.open(sealed)).toThrow();
    expect(() => box.open('plain text')).toThrow(/Not a secret sealed by Sada/);
  });

  it('makes its key file on first use, readable by its owner only, and reuses it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sada-key-')), 'nested', 'secret.key');
    const sealed = createSecretBox({ kind: 'file', path }).seal('x');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(createSecretBox({ kind: 'file', path }).open(sealed)).toBe('x');
  });
});
