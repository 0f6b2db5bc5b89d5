// Arabizi: Arabic written in Latin letters with digits for the sounds Latin lacks (3 = ع, 7 = ح).
// Detection is a vote over words; transliteration is rough on purpose: it only has to land close
// enough to Arabic spelling for character n-grams and the lexicons to recognise the words.

// Frequent Arabizi words across Egyptian, Gulf and Levantine chat, lower case.
const ARABIZI_WORDS = new Set(
  (
    'ana enta enti inta inti ento entu intu ehna e7na ni7na howa hia heya mesh msh mish mush ' +
    'wallah walla wallahi yalla yallah habibi 7abibi habibti leh lesh leish lih kda keda kdh ' +
    'ezay ezzay izay 3ayez 3ayz 3awez 3ayza fe fi mafi mafe mafeesh mafish shu shou bas bs tb ' +
    'tayeb tayb zay eh aywa ewa la2 la2a wala inshallah insha2allah mashallah ma4allah 7aga 7aja ' +
    'haga 3shan 3ashan 3alashan 3lshan ma3a ma3ak ma3i shukran shokran ahlan marhaba kteer ktir ' +
    'katheer kter ktyr wayed wayid abi abgha abghi ga3d gaed ya3ni yani y3ni akhi a5i ya5i yakhi ' +
    'el al il 3al 3ala 3and 3ndi 3andi lel lil men min mn ely elly illi 2ana 2enta sa7 sa7i7 ' +
    'khalas 5alas tamam zift zeft 7elw 7ilw helw 7lw 7ob mabrook mabrouk 3adi 3ady 3omri ' +
    'ba3d ba3den ba3dein badein lesa lissa lsa delwa2ty dlw2ty hal2 halla2 hala2 wen wein fen ' +
    'feen emta imta kam kaam akeed ma3lesh ma3lsh m3lsh sorry5 yaret yareet ya rab rabena'
  ).split(/\s+/),
);

// English words that would otherwise look like short Arabizi (el, fi, bas…) in mixed text.
const ENGLISH_GLUE = new Set(
  'the a an and or but is are was were be been to of in on at for with my your our you i it this that not no have has do does did can will please thanks thank'.split(
    ' ',
  ),
);

const LATIN_WORD = /[a-z0-9']+/gi;
// A digit used as a letter: between letters, or leading a word that continues with letters.
const DIGIT_AS_LETTER = /(?:[a-z][2356789]|[2356789][a-z])/i;

/** True when Latin-script text reads as Arabizi rather than English or another language. */
export function looksLikeArabizi(text: string): boolean {
  const words = text.match(LATIN_WORD);
  if (!words || words.length === 0) return false;
  let arabizi = 0;
  let english = 0;
  let latinWords = 0;
  for (const raw of words) {
    const word = raw.toLowerCase();
    if (/^\d+$/.test(word)) continue;
    latinWords++;
    if (ARABIZI_WORDS.has(word) || DIGIT_AS_LETTER.test(word)) arabizi++;
    else if (ENGLISH_GLUE.has(word)) english++;
  }
  if (latinWords === 0) return false;
  return arabizi >= 1 && arabizi / latinWords >= 0.3 && arabizi > english;
}

// Longest first, so 'sh' wins over 's' and "'3" over '3'.
const DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ["'3", 'غ'],
  ["'7", 'خ'],
  ["'6", 'ظ'],
  ['sh', 'ش'],
  ['ch', 'ش'],
  ['kh', 'خ'],
  ['gh', 'غ'],
  ['th', 'ث'],
  ['dh', 'ذ'],
  ['ee', 'ي'],
  ['ii', 'ي'],
  ['oo', 'و'],
  ['ou', 'و'],
  ['aa', 'ا'],
];

const LETTERS: Record<string, string> = {
  '2': 'ء',
  '3': 'ع',
  '5': 'خ',
  '6': 'ط',
  '7': 'ح',
  '8': 'ق',
  '9': 'ق',
  b: 'ب',
  p: 'ب',
  t: 'ت',
  g: 'ج',
  j: 'ج',
  d: 'د',
  r: 'ر',
  z: 'ز',
  s: 'س',
  c: 'ك',
  f: 'ف',
  v: 'ف',
  q: 'ق',
  k: 'ك',
  l: 'ل',
  m: 'م',
  n: 'ن',
  h: 'ه',
  w: 'و',
  y: 'ي',
  x: 'كس',
};

function transliterateWord(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const pair = DIGRAPHS.find(([latin]) => word.startsWith(latin, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
      continue;
    }
    const ch = word[i] ?? '';
    const isFirst = i === 0;
    const isLast = i === word.length - 1;
    if ('aeiou'.includes(ch)) {
      // Short vowels are mostly unwritten in Arabic; keep the ones that are usually letters.
      if (isFirst) out += 'ا';
      else if (ch === 'a') out += 'ا';
      else if (ch === 'i') out += 'ي';
      else if (ch === 'o' || ch === 'u') out += 'و';
      else if (ch === 'e' && isLast) out += 'ه';
    } else {
      out += LETTERS[ch] ?? ch;
    }
    i++;
  }
  return out;
}

/** Rough Latin → Arabic script transliteration of Arabizi words; other characters pass through. */
export function arabiziToArabic(text: string): string {
  return text.replace(LATIN_WORD, (raw) => {
    const word = raw.toLowerCase();
    if (/^\d+$/.test(word) || ENGLISH_GLUE.has(word)) return raw;
    return transliterateWord(word);
  });
}
