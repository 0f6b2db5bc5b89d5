// Hashed features of normalised text: word unigrams and bigrams plus character 2–5-grams inside
// word boundaries. Hashing keeps the model a fixed size whatever the vocabulary, and n-grams are
// hashed incrementally so no substring is ever allocated.

/** A sparse, L2-normalised feature vector: sorted unique bucket indices and their values. */
export type FeatureVector = { indices: Int32Array; values: Float32Array };

const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x811c9dc5;
const CHAR_SEED = 0x050c5d1f;
const BIGRAM_SEED = 0x2f9be6c1;
const MIN_CHAR_GRAM = 2;
const MAX_CHAR_GRAM = 5;
const MAX_WORD_LENGTH_FOR_GRAMS = 24;
const TOKEN = /[\p{L}\p{N}]+/gu;

// Marker words written by prepareText: whole-word features only, never split into n-grams.
const MARKER = /^x(?:url|user|hashtag|emopos|emoneg|exclaim|question)$/;

function finalMix(hash: number): number {
  // murmur3's fmix32: FNV's low bits are weak, and the bucket is taken from the low bits.
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashString(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Splits normalised text into the word tokens the models use. */
export function tokenize(modelText: string): string[] {
  return modelText.match(TOKEN) ?? [];
}

// Scratch buffer for bucket ids, reused across calls (grown when a long text needs more).
let scratch = new Int32Array(4096);
let used = 0;

function push(bucket: number): void {
  if (used === scratch.length) {
    const grown = new Int32Array(scratch.length * 2);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[used++] = bucket;
}

function pushCharGrams(word: string, mask: number): void {
  // The word padded with a space on each side, walked without building the padded string.
  const length = Math.min(word.length, MAX_WORD_LENGTH_FOR_GRAMS) + 2;
  const codeAt = (i: number): number => (i === 0 || i === length - 1 ? 32 : word.charCodeAt(i - 1));
  for (let start = 0; start < length - 1; start++) {
    let h = CHAR_SEED;
    for (let n = 1; n <= MAX_CHAR_GRAM && start + n <= length; n++) {
      h = Math.imul(h ^ codeAt(start + n - 1), FNV_PRIME);
      if (n >= MIN_CHAR_GRAM) push(finalMix(h) & mask);
    }
  }
}

/** Hashes normalised text into a sparse vector over 2^hashBits buckets. */
export function extractFeatures(modelText: string, hashBits: number): FeatureVector {
  const mask = (1 << hashBits) - 1;
  const words = tokenize(modelText);
  used = 0;
  let previous = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const wordHash = hashString(word, WORD_SEED);
    push(finalMix(wordHash) & mask);
    if (i > 0) push(finalMix(Math.imul(previous ^ BIGRAM_SEED, FNV_PRIME) ^ wordHash) & mask);
    previous = wordHash;
    if (!MARKER.test(word)) pushCharGrams(word, mask);
  }
  return toNormalisedVector(scratch.subarray(0, used).sort());
}

function toNormalisedVector(sorted: Int32Array): FeatureVector {
  // Pass 1: distinct buckets and the norm; pass 2: write them. Counts become sqrt(count): a word
  // said five times is not five times the evidence.
  let unique = 0;
  let norm = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    unique++;
    // sqrt(c)² rather than c, to the last bit, as the shipped model was trained with.
    const value = Math.sqrt(j - i);
    norm += value * value;
    i = j;
  }
  const indices = new Int32Array(unique);
  const values = new Float32Array(unique);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  let out = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    indices[out] = sorted[i]!;
    values[out] = Math.sqrt(j - i) * scale;
    out++;
    i = j;
  }
  return { indices, values };
}
