// Insults and profanity, found by lexicon with their spans: the moderation view shows which words
// to hide, and a complaint written with them is still answered.
import { compileLexicon, findLexiconHits, type Span } from './lexicon-matching.ts';

const INSULTS = compileLexicon(
  (
    'حمار|حمير|كلب|كلاب|يا كلب|ولاد الكلب|عيال الكلب|زبالة|زبالين|حقير*|حقراء|حيوان|حيوانات|بهايم|بهيمة|غبي|أغبياء|اغبى|تافه*|وسخ*|منحط*|قذر*|' +
    'يلعن|الله يلعن|لعنة الله|ملعون*|تفو|انقلعوا|خرا|شرموط*|عاهر*|' +
    'idiot*|stupid|moron*|fuck*|shit*|bitch*|bastard*|scum*|asshole*|dumbass|crap|wtf|clowns|losers|pathetic|retard*|dick*|piss off'
  )
    .split('|')
    .map((phrase) => ({ phrase, weight: 1 })),
);

/** Spans of insulting or profane words in the original text. */
export function findAbusiveLanguage(text: string): Span[] {
  return findLexiconHits(text, INSULTS).map(({ text: t, start, end }) => ({ text: t, start, end }));
}
