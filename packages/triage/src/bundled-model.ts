// The model shipped in model/triage-model.bin, read once per process on first use.
import { readFileSync } from 'node:fs';
import { type Classification, type ClassifyContext, classifyWithModel } from './classify.ts';
import { decodeTriageModel, type TriageModel } from './triage-model.ts';

const MODEL_URL = new URL('../model/triage-model.bin', import.meta.url);
let bundled: TriageModel | undefined;

/** Loads (once) and returns the model that ships with this package. */
export function loadBundledModel(): TriageModel {
  bundled ??= decodeTriageModel(readFileSync(MODEL_URL));
  return bundled;
}

/** Classifies a post with the bundled model (loaded on the first call). */
export function classify(text: string, context?: ClassifyContext): Classification {
  return classifyWithModel(loadBundledModel(), text, context);
}
