/** The inbox views with their live counters — to be built with the inbox. */
export function ViewNav(_props: { onNavigate?: () => void }) {
  return null;
}
