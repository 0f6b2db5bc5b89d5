/**
 * Installed in every page before the console's own scripts (Playwright's init script, which the
 * console's Content-Security-Policy does not apply to). It records, on the page's clock
 * (performance.now(), 0 = navigation start):
 * - `rowDom[ref]`: when a case row element entered the DOM (MutationObserver);
 * - `rowPainted[ref]`: the first moment after the frame that contains it was painted: a message
 *   posted from inside the next requestAnimationFrame callback is delivered once that frame is done;
 * - `firstRowDom` / `firstRowPainted`: the same for the very first row of the page;
 * - `pushAt[ref]`: when the WebSocket delivered `case.created` for that case (the event's timeStamp).
 */
export const PROBE_SCRIPT = `(() => {
  const bench = { firstRowDom: null, firstRowPainted: null, rowDom: {}, rowPainted: {}, pushAt: {} };
  window.__consoleBench = bench;
  const afterPaint = (record) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(performance.now());
      channel.port2.postMessage(null);
    });
  const seen = (element) => {
    const reference = element.getAttribute('data-case-row');
    if (bench.rowDom[reference] !== undefined) return;
    const now = performance.now();
    bench.rowDom[reference] = now;
    afterPaint((at) => { bench.rowPainted[reference] = at; });
    if (bench.firstRowDom === null) {
      bench.firstRowDom = now;
      afterPaint((at) => { bench.firstRowPainted = at; });
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.hasAttribute('data-case-row')) seen(node);
        for (const row of node.querySelectorAll('[data-case-row]')) seen(row);
      }
    }
  }).observe(document, { childList: true, subtree: true });
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      // Registered before the console sets onmessage, so it runs first.
      this.addEventListener('message', (event) => {
        try {
          const data = JSON.parse(event.data);
          if (data.type === 'case.created') bench.pushAt[data.referenceNumber] = event.timeStamp;
        } catch {}
      });
    }
  };
})();`;

/** Reads what the probe and the browser's own timings recorded for the current navigation. */
export const READ_NAVIGATION = `(() => {
  const bench = window.__consoleBench;
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const resources = performance.getEntriesByType('resource');
  const firstPage = resources.find((entry) => entry.name.includes('/api/cases?'));
  const scripts = resources.filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'));
  return {
    firstRowDom: bench.firstRowDom,
    firstRowPainted: bench.firstRowPainted,
    firstContentfulPaint: paint ? paint.startTime : null,
    domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
    firstPageResponseEnd: firstPage ? firstPage.responseEnd : null,
    firstPageDuration: firstPage ? firstPage.duration : null,
    scriptBytesTransferred: scripts.reduce((total, entry) => total + entry.transferSize, 0),
    api: resources
      .filter((entry) => entry.name.includes('/api/'))
      .map((entry) => ({
        path: new URL(entry.name).pathname + new URL(entry.name).search.slice(0, 60),
        start: Math.round(entry.startTime),
        end: Math.round(entry.responseEnd),
      })),
  };
})()`;

/**
 * Scrolls the list from top to bottom by `step` pixels per animation frame and returns the frame
 * intervals, the long tasks seen meanwhile, and how many row elements the page holds at the end.
 */
export const SCROLL_THROUGH = `async (step) => {
  const scroller = document.querySelector('[data-testid="case-list"]');
  scroller.scrollTop = 0;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const frames = [];
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let last = null;
  await new Promise((resolve) => {
    const tick = (time) => {
      if (last !== null) frames.push(time - last);
      last = time;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return resolve();
      scroller.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  observer.disconnect();
  return { frames, longTasks, rowsInDom: document.querySelectorAll('[data-case-row]').length };
}`;

/** Scrolls to the end of the list until every page is loaded; returns how many rows the list holds. */
export const LOAD_EVERY_PAGE = `async () => {
  const scroller = document.querySelector('[data-testid="case-list"]');
  const setSize = () => document.querySelector('[data-case-row]')?.getAttribute('aria-setsize');
  const started = performance.now();
  while (setSize() === '-1') {
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (performance.now() - started > 600000) throw new Error('the list did not finish loading in 10 minutes');
  }
  return { rows: Number(setSize()), seconds: (performance.now() - started) / 1000 };
}`;
