/** The search box in the header ("/" focuses it) — to be built with the inbox. */
export function InboxSearch() {
  return null;
}
