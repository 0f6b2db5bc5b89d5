// `npm run train:triage`: trains every head on the training split, tunes thresholds on the
// development split and writes model/triage-model.bin. Same data + same seed = same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeTriageModel } from '../src/triage-model.ts';
import { trainTriageModel } from './model-training.ts';
import { DEFAULT_DATA_DIR, loadAllLabelled, PACKAGE_DIR } from './triage-datasets.ts';

function main(): void {
  const dataDir = process.argv[2] ?? DEFAULT_DATA_DIR;
  const { model } = trainTriageModel(loadAllLabelled(dataDir), { log: (line) => console.log(line) });
  const bytes = encodeTriageModel(model);
  mkdirSync(join(PACKAGE_DIR, 'model'), { recursive: true });
  writeFileSync(join(PACKAGE_DIR, 'model', 'triage-model.bin'), bytes);
  console.log(`wrote model/triage-model.bin (${(bytes.length / 1024 / 1024).toFixed(2)} MB)`);
}

main();
