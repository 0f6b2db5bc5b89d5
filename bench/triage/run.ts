// `npm run bench:triage`: how fast triage classifies on one core, how long the model takes to
// load and how much memory it holds. Node runs the classifier on one thread, so this is one core.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { classifyWithModel, decodeTriageModel } from '@sada/triage';

const MODEL_FILE = new URL('../../packages/triage/model/triage-model.bin', import.meta.url);
const FIXTURES = ['ar', 'en', 'mixed'].map(
  (folder) => new URL(`../../packages/triage/fixtures/${folder}/labelled-posts.jsonl`, import.meta.url),
);
const MEASURED = Number(process.argv[2] ?? 20_000);
const WARMUP = 2_000;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const collect = () => (globalThis as { gc?: () => void }).gc?.();

function readPosts(): string[] {
  return FIXTURES.flatMap((url) =>
    readFileSync(url, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
}

function throughput(label: string, run: (text: string) => unknown, texts: string[]): string {
  for (let i = 0; i < WARMUP; i++) run(texts[i % texts.length] ?? '');
  const started = performance.now();
  let chars = 0;
  for (let i = 0; i < MEASURED; i++) {
    const text = texts[i % texts.length] ?? '';
    chars += text.length;
    run(text);
  }
  const seconds = (performance.now() - started) / 1000;
  const perSecond = Math.round(MEASURED / seconds);
  return `| ${label} | ${Math.round(chars / MEASURED)} | ${MEASURED} | ${perSecond.toLocaleString('en')} | ${((1000 * seconds) / MEASURED).toFixed(3)} |`;
}

function main(): void {
  collect();
  const before = process.memoryUsage();
  const loadStarted = performance.now();
  const bytes = readFileSync(MODEL_FILE);
  const model = decodeTriageModel(bytes);
  const loadMs = performance.now() - loadStarted;
  collect();
  const afterLoad = process.memoryUsage();

  const posts = readPosts();
  // E-mail-sized messages: five posts in a row.
  const long = posts.map((_, i) => posts.slice(i, i + 5).join(' \n'));
  const rows = [
    throughput('posts (tweet-sized, ar + en + mixed)', (text) => classifyWithModel(model, text), posts),
    throughput('e-mail-sized (5 posts joined)', (text) => classifyWithModel(model, text), long),
  ];
  collect();
  const afterRun = process.memoryUsage();

  console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one thread`);
  console.log(
    `model file ${mb(bytes.length)} MB, ${posts.length} distinct posts, warm-up ${WARMUP} messages\n`,
  );
  console.log('| messages | mean chars | measured | messages/s | ms/message |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log('');
  console.log(`| model load (read + decode) | ${loadMs.toFixed(0)} ms |`);
  console.log('|---|---|');
  console.log(`| RSS delta after load | ${mb(afterLoad.rss - before.rss)} MB |`);
  console.log(
    `| heap + external delta after load | ${mb(afterLoad.heapUsed + afterLoad.external - before.heapUsed - before.external)} MB |`,
  );
  console.log(`| RSS delta after the runs | ${mb(afterRun.rss - before.rss)} MB |`);
  console.log(`| RSS of the whole process | ${mb(afterRun.rss)} MB |`);
}

main();
