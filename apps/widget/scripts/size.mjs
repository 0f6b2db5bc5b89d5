// Prints the widget bundle's raw and gzipped size and exits 1 over the 40 kB budget: every page of
// every company that embeds the chat downloads it. Builds first (under a second), so the figure is
// always that of the current sources; `--no-build` measures dist/widget.js as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 40 * 1024;
const widgetRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(widgetRoot, 'dist', 'widget.js');

if (!process.argv.includes('--no-build') || !existsSync(bundle)) {
  execFileSync(
    process.execPath,
    [join(widgetRoot, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: widgetRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}

const code = readFileSync(bundle);
const gzipped = gzipSync(code, { level: 9 }).length;
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(
  `widget.js: ${kilobytes(code.length)} raw, ${kilobytes(gzipped)} gzipped (budget ${kilobytes(BUDGET_BYTES)} gzipped)`,
);
if (gzipped > BUDGET_BYTES) {
  console.error(`widget.js is ${kilobytes(gzipped - BUDGET_BYTES)} over its budget.`);
  process.exit(1);
}
