// Builds the console, and the live-chat widget, when their dist/ is missing or older than their
// sources, so `npm start` always serves the current code without rebuilding on every start.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = join(webRoot, '..', '..');
const widgetRoot = join(repositoryRoot, 'apps', 'widget');
const isForced = process.argv.includes('--force');

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Runs `vite build` in `root` when `stamp` is missing or older than any of `sources`. */
function buildWhenStale({ root, stamp, sources, building, rebuilding }) {
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changedAt = Math.max(...sources.map(newestChange));
  if (builtAt >= changedAt && !isForced) return;
  console.log(builtAt === 0 ? building : rebuilding);
  execFileSync(
    process.execPath,
    [join(repositoryRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Test runners set NODE_ENV=test, which would give React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

buildWhenStale({
  root: webRoot,
  stamp: join(webRoot, 'dist', 'index.html'),
  // The console also bundles the shared packages it imports.
  sources: [
    join(webRoot, 'src'),
    join(webRoot, 'index.html'),
    join(webRoot, 'vite.config.ts'),
    join(webRoot, 'package.json'),
    join(repositoryRoot, 'packages', 'contracts', 'src'),
    join(repositoryRoot, 'packages', 'core', 'src'),
  ],
  building: 'Building the agent console…',
  rebuilding: 'The console changed since its last build; rebuilding…',
});

// The widget is one script the server hands to companies' pages at /widget.js; it imports only
// types from the shared packages, so its own files are all that change its build.
buildWhenStale({
  root: widgetRoot,
  stamp: join(widgetRoot, 'dist', 'widget.js'),
  sources: [join(widgetRoot, 'src'), join(widgetRoot, 'vite.config.ts'), join(widgetRoot, 'package.json')],
  building: 'Building the chat widget…',
  rebuilding: 'The chat widget changed since its last build; rebuilding…',
});
