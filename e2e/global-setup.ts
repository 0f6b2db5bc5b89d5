import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The browser tests run against the built console: build it once if it is missing or stale. */
export default function setup() {
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../apps/web/scripts/ensure-built.mjs', import.meta.url))],
    {
      stdio: 'inherit',
    },
  );
}
