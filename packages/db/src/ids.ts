import { randomUUID } from 'node:crypto';

/**
 * A UUID v7 (RFC 9562) for a row written on a hot path: its first 48 bits are the time in
 * milliseconds, so rows made one after another sit side by side in their indexes. A random v4 key
 * lands on a random index page each time, and after every checkpoint that page's first change writes
 * the whole 8 kB page to the WAL.
 */
export function timeOrderedId(at: Date): string {
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx, variant bits already set
  const time = at.getTime().toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
