// The case page is most of the console's code and loads on its own. It is fetched once the agent
// shows an intent to open a case (a pointer over a case link, or focus on it), so opening one rarely
// waits, while the inbox's first download stays small.
let loading: Promise<typeof import('./CasePage.tsx')> | undefined;

export function loadCasePage() {
  loading ??= import('./CasePage.tsx');
  return loading;
}

/** Starts loading the case page when the event happened on (or inside) a case link. */
export function prefetchCasePageOn(event: { target: EventTarget | null }) {
  if (loading) return;
  if (event.target instanceof Element && event.target.closest('[data-case-link]')) void loadCasePage();
}
