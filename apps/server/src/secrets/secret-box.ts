import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../config.ts';

/** Encrypts and decrypts the secrets Sada keeps in the database (API keys, channel tokens). */
export type SecretBox = {
  seal(plain: string): string;
  open(sealed: string): string;
  /** An HMAC-SHA256 of `data` (base64url) under a key derived from the secret key for `purpose`. */
  mac(purpose: string, data: string): string;
};

const VERSION = 'v1';
const KEY_BYTES = 32;

/** Reads the key file, or makes it (readable by this user only) the first time a secret is stored. */
function readOrCreateKeyFile(path: string): Buffer {
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    const key = randomBytes(KEY_BYTES);
    // 'wx': two processes starting at once never overwrite each other's key.
    try {
      writeFileSync(path, `${key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
      chmodSync(path, 0o600);
      return key;
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    }
  }
}

/**
 * AES-256-GCM with a fresh 96-bit nonce per secret: `v1.<nonce>.<tag>.<ciphertext>` in base64url.
 * The key is read on first use, so a process that never touches a secret never needs one.
 */
export function createSecretBox(source: Config['secretKey']): SecretBox {
  let key: Buffer | undefined;
  const macKeys = new Map<string, Buffer>();
  const getKey = () => {
    key ??= source.kind === 'value' ? source.key : readOrCreateKeyFile(source.path);
    if (key.length !== KEY_BYTES) throw new Error('The secret key must be 32 bytes.');
    return key;
  };
  return {
    seal(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', getKey(), nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, nonce, cipher.getAuthTag(), body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, nonce, tag, body] = sealed.split('.');
      if (version !== VERSION || !nonce || !tag || body === undefined) {
        throw new Error('Not a secret sealed by Sada.');
      }
      const decipher = createDecipheriv('aes-256-gcm', getKey(), Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    mac(purpose, data) {
      const derived =
        macKeys.get(purpose) ?? Buffer.from(hkdfSync('sha256', getKey(), '', `sada:${purpose}`, 32));
      macKeys.set(purpose, derived);
      return createHmac('sha256', derived).update(data).digest('base64url');
    },
  };
}
