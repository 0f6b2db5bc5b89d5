// Splits what a person just wrote from the history their mail client pasted below it. Folding
// too little shows an agent the whole thread again; folding too much loses the customer's
// words, so anything that is not clearly history or a signature stays in the new text.

/** The new words of a reply and what was folded off (history and signature). */
export type FoldedText = { text: string; quoted: string };

// Bidi marks and the like that Arabic clients put around attribution lines.
const invisible = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const attributionStarts = [/^On\s/i, /^في\s/, /^كتب\s/, /^بتاريخ\s/];
const attributionEnds = [/\swrote:$/i, /(^|\s)كتبت?:$/, /(^|\s)كتبت?\s.*:$/, /\sبواسطة\s.*:$/];
const originalMessage = [/^-{2,}\s*Original Message\s*-{2,}$/i, /^-{2,}\s*الرسالة الأصلية\s*-{2,}$/];
const headerBlockFrom = /^\*?(From|من)\s*:/i;
const headerBlockNext = /^\*?(Sent|Date|To|Subject|أُ?رسلت|تاريخ الإرسال|التاريخ|إلى|الموضوع)\s*:/i;
const underscoreRule = /^_{10,}$/;
const signatureDelimiter = /^-- ?$/;
const sentFrom = [
  /^Sent from my\s/i,
  /^Sent from (Mail|Outlook|Yahoo)/i,
  /^Get Outlook for\s/i,
  /^(أُ|ا|أ)رسلت من\s/,
  /^مرسل من\s/,
  /^تم الإرسال من\s/,
  /^أُرسل من\s/,
];

/** Folds quoted history (`>` lines, attributions, Outlook blocks) and the signature off a reply. */
export function foldQuotedText(body: string): FoldedText {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const historyStart = findHistoryStart(lines);
  const head = lines.slice(0, historyStart);
  const folded: string[] = [];
  const kept: string[] = [];
  // Quoted lines are folded wherever they are, so answers written between them are kept.
  for (let index = 0; index < head.length; index += 1) {
    const span = isFollowedByQuote(head, index) ? attributionLength(head, index) : 0;
    if (span > 0) {
      folded.push(...head.slice(index, index + span));
      index += span - 1;
    } else if (/^\s*>/.test(head[index]!)) folded.push(head[index]!);
    else kept.push(head[index]!);
  }
  const signatureStart = findSignatureStart(kept);
  const signature = kept.splice(signatureStart);
  const quoted = [...signature, ...folded, ...lines.slice(historyStart)].join('\n').trim();
  return { text: kept.join('\n').trim(), quoted };
}

function clean(line: string): string {
  return line.replace(invisible, '').trim();
}

// The first line below which everything is history: an "Original Message" rule or an Outlook
// "From: … Sent: …" block (Outlook quotes without `>`, so nothing else marks where it ends).
// Only below some new text: a forward, or a formal Arabic letter opening with "من: … إلى: …",
// keeps its words.
function findHistoryStart(lines: readonly string[]): number {
  let hasNewText = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = clean(lines[index]!);
    if (!hasNewText) {
      hasNewText = line !== '' && !/^>/.test(line);
      continue;
    }
    if (originalMessage.some((pattern) => pattern.test(line))) return index;
    if (underscoreRule.test(line) && isHeaderBlock(lines, index + 1)) return index;
    if (isHeaderBlock(lines, index)) return index;
  }
  return lines.length;
}

function isHeaderBlock(lines: readonly string[], index: number): boolean {
  if (!headerBlockFrom.test(clean(lines[index] ?? ''))) return false;
  const following = lines.slice(index + 1, index + 4).map(clean);
  return following.some((line) => headerBlockNext.test(line));
}

// How many lines an attribution spans (clients wrap long ones over two or three); 0 if none.
function attributionLength(lines: readonly string[], index: number): number {
  const first = clean(lines[index]!);
  if (!attributionStarts.some((pattern) => pattern.test(first))) return 0;
  let joined = '';
  for (let span = 1; span <= 3 && index + span <= lines.length; span += 1) {
    joined = `${joined} ${clean(lines[index + span - 1]!)}`.trim();
    const startsLikeOne = attributionStarts.some((pattern) => pattern.test(joined));
    if (startsLikeOne && attributionEnds.some((pattern) => pattern.test(joined))) return span;
  }
  return 0;
}

// An attribution counts as history only when quoted text (or nothing) follows it, so a
// customer writing "On Monday I wrote:" in their own words keeps them.
function isFollowedByQuote(lines: readonly string[], index: number): boolean {
  const span = attributionLength(lines, index);
  if (span === 0) return false;
  const rest = lines.slice(index + span).filter((line) => clean(line) !== '');
  return rest.length === 0 || /^\s*>/.test(rest[0]!);
}

function findSignatureStart(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (signatureDelimiter.test(line.replace(invisible, ''))) return index;
    // Short lines only, so "Sent from my iPhone but the photo failed…" stays the customer's.
    const isShort = clean(line).length <= 40;
    if (isShort && sentFrom.some((pattern) => pattern.test(clean(line)))) return index;
  }
  return lines.length;
}
