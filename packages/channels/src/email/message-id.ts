// Message ids are kept in one form everywhere: `<local@host>`, angle brackets included, no
// whitespace, case preserved (the local part is case-sensitive). The same id therefore compares
// equal whether it came from Message-ID, In-Reply-To or References, or from our own outbox.

/** Normalises one message id to `<local@host>`; null when nothing usable is left. */
export function normaliseMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const bracketed = /<([^<>]+)>/.exec(value);
  const bare = (bracketed ? bracketed[1]! : value).replace(/\s+/g, '');
  return bare.length > 0 ? `<${bare}>` : null;
}

/** Every message id in a header value (References, In-Reply-To), in order, without duplicates. */
export function parseMessageIds(value: string | string[] | null | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  const ids: string[] = [];
  for (const part of values) {
    const bracketed = part.match(/<[^<>]+>/g);
    const found = bracketed ?? part.split(/\s+/);
    for (const candidate of found) {
      const id = normaliseMessageId(candidate);
      if (id && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}
