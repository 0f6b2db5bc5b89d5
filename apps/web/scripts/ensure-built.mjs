// Builds the console when dist/ is missing or older than its sources, so `npm start` always serves
// the current code without rebuilding on every start.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = join(webRoot, '..', '..');
const stamp = join(webRoot, 'dist', 'index.html');
// The console also bundles the shared packages it imports.
const sources = [
  join(webRoot, 'src'),
  join(webRoot, 'index.html'),
  join(webRoot, 'vite.config.ts'),
  join(webRoot, 'package.json'),
  join(repositoryRoot, 'packages', 'contracts', 'src'),
  join(repositoryRoot, 'packages', 'core', 'src'),
];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestChange));
if (builtAt >= changedAt && !process.argv.includes('--force')) {
  process.exit(0);
}
console.log(
  builtAt === 0 ? 'Building the agent console…' : 'The console changed since its last build; rebuilding…',
);
execFileSync(
  process.execPath,
  [join(repositoryRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: webRoot,
    stdio: 'inherit',
    // Test runners set NODE_ENV=test, which would give React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  },
);
