import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type AssetSize = { file: string; bytes: number; gzipBytes: number };
export type BundleSize = {
  /** The entry script and the chunks index.html preloads: what every visit downloads before painting. */
  initialJs: AssetSize[];
  initialCss: AssetSize[];
  initialJsGzip: number;
  initialJsBytes: number;
  initialCssGzip: number;
};

const size = (webDir: string, href: string): AssetSize => {
  const file = join(webDir, href.replace(/^\//, ''));
  return {
    file: href,
    bytes: statSync(file).size,
    gzipBytes: gzipSync(readFileSync(file), { level: 9 }).length,
  };
};

/** Reads the built index.html: its module script, modulepreloads and stylesheets, gzipped at level 9. */
export function measureBundle(webDir: string): BundleSize {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (match) => match[1]!,
  );
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map(
    (match) => match[1]!,
  );
  const initialJs = [...scripts, ...preloads].map((href) => size(webDir, href));
  const initialCss = styles.map((href) => size(webDir, href));
  const sum = (assets: AssetSize[], key: 'bytes' | 'gzipBytes') =>
    assets.reduce((total, asset) => total + asset[key], 0);
  return {
    initialJs,
    initialCss,
    initialJsGzip: sum(initialJs, 'gzipBytes'),
    initialJsBytes: sum(initialJs, 'bytes'),
    initialCssGzip: sum(initialCss, 'gzipBytes'),
  };
}
