// One line of mixed Arabic, Latin and numbers as it is drawn: the Unicode bidi algorithm (bidi-js)
// gives each character its level, the line is cut into runs of one level and one script, and the
// runs are put in visual order (rule L2). Arabic runs go to the font's shaper in logical order
// (fontkit joins the letters, makes lam-alef and draws the run right to left); any other run at a
// right-to-left level is reversed here with its brackets mirrored.
import bidiModule from 'bidi-js';

// bidi-js is CommonJS typed as `export default`: under NodeNext its default import is the factory.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/** Which face draws a run: the Arabic subset, the Latin one, or Latin Extended (ł, ₺, ₹). */
export type Script = 'arabic' | 'latin' | 'latinExt';

/** A piece of a line, in drawing order from left to right. */
export type VisualRun = {
  text: string;
  script: Script;
  /** Arabic runs are handed over in logical order: the shaper lays them out right to left. */
  isShapedRightToLeft: boolean;
};

// Arabic, Arabic Supplement, Arabic Extended-A and the presentation forms.
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

// Latin Extended-A and -B, Latin Extended Additional and currency signs, but ı and Œ œ, which the
// Latin face has. The typeface lacks some of these letters (Turkish ş, İ): no face draws them.
const LATIN_EXTENDED = /[\u0100-\u0130\u0132-\u0151\u0154-\u02BA\u1E00-\u1EFF\u20A0-\u20AB\u20AD-\u20C0]/;

const scriptOf = (char: string): Script =>
  ARABIC.test(char) ? 'arabic' : LATIN_EXTENDED.test(char) ? 'latinExt' : 'latin';

/** Whether a text holds any Arabic letter (and so reads right to left as a paragraph). */
export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

type LogicalRun = { start: number; end: number; level: number; script: Script };

function logicalRuns(text: string, levels: Uint8Array): LogicalRun[] {
  const runs: LogicalRun[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const script = scriptOf(text[index]!);
    const level = levels[index] ?? 0;
    const last = runs.at(-1);
    if (last && last.level === level && last.script === script) last.end = index + 1;
    else runs.push({ start: index, end: index + 1, level, script });
  }
  return runs;
}

/**
 * The runs of one line (no line breaks) in the order they are drawn, left to right. `auto` takes the
 * direction of the first strong letter (as HTML's dir="auto"): an Arabic name in an English table.
 */
export function visualRuns(text: string, direction: 'rtl' | 'ltr' | 'auto'): VisualRun[] {
  if (text === '') return [];
  const { levels } = bidi.getEmbeddingLevels(text, direction === 'auto' ? undefined : direction);
  const runs = logicalRuns(text, levels);
  // L2: from the highest level down to the lowest odd one, reverse every stretch at that level or above.
  const highest = Math.max(...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level -= 1) {
    let index = 0;
    while (index < runs.length) {
      if (runs[index]!.level < level) {
        index += 1;
        continue;
      }
      let end = index;
      while (end < runs.length && runs[end]!.level >= level) end += 1;
      runs.splice(index, end - index, ...runs.slice(index, end).reverse());
      index = end;
    }
  }
  return runs.map((run) => {
    const piece = text.slice(run.start, run.end);
    const isRtl = run.level % 2 === 1;
    // The shaper always lays Arabic-script text out right to left: Arabic-Indic digits (a left-to-right
    // level) are handed over reversed, so they come out in reading order.
    if (run.script === 'arabic')
      return {
        text: isRtl ? piece : [...piece].reverse().join(''),
        script: 'arabic',
        isShapedRightToLeft: true,
      };
    // A neutral or Latin run at a right-to-left level: reversed, brackets mirrored.
    const drawn = isRtl
      ? [...piece]
          .reverse()
          .map((char) => bidi.getMirroredCharacter(char) ?? char)
          .join('')
      : piece;
    return { text: drawn, script: run.script, isShapedRightToLeft: false };
  });
}
