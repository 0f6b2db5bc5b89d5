// Turns a raw post into the normalised text the models read: URLs, @mentions, hashtags, emoji and
// emoticons become marker words, Arabizi is transliterated, then the search normaliser folds it.
import { arabiziToArabic, looksLikeArabizi } from './arabizi.ts';
import { normalizeForSearch } from './normalize.ts';

export type EmojiPolarity = 'positive' | 'negative';

/** An emoji or emoticon found in the text, with the sentiment it usually carries. */
export type EmojiSignal = { text: string; polarity: EmojiPolarity; start: number; end: number };

/** What the classifiers read, plus the surface facts found on the way. */
export type PreparedText = {
  /** normalised text with marker words (xurl, xuser, xemopos…) that the models read */
  modelText: string;
  urls: number;
  mentions: number;
  hashtags: string[];
  emoji: EmojiSignal[];
  isArabizi: boolean;
};

const POSITIVE_EMOJI = new Set(
  Array.from(
    '😀😃😄😁😆😊🙂😉😍🥰😘😗😙😚😻❤♥💕💖💗💓💞💙💚💛💜🧡🤍🤎💯👍👌👏🙌🙏🌹🌷🌸💐🎉🎊✨⭐🌟😎🤩🥳☺💪✅🤗😇😋',
  ),
);
const NEGATIVE_EMOJI = new Set(
  Array.from('😡😠🤬😤😞😟😢😭😩😫😖😣💔👎🙄😒😔😕☹🙁🤮🤢😱😰😨🤦😑😶😾💩🖕❌⛔😪😓😥'),
);

// Emoticons need a boundary before them so ratios like 3:15 and URLs are not read as faces.
const EMOTICON = /(?<![\w:/])(?:[:;=]-?[)D\]pP]|[:;=]-?[([]|:'\(|<3|[)(]:|xD|XD)(?![\w/])/g;
const NEGATIVE_EMOTICON = /^(?:[:;=]-?[([]|:'\(|\):)$/;

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const MENTION = /@[\p{L}\p{N}_]+/gu;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
// Dataset masks and retweet prefixes carry no meaning of their own.
const DATASET_MARKERS = /<LF>|\bRT\b(?= ?@)|\bURL\b|@USER\b/g;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;

// Cheap tests that let most posts skip the Unicode-property regexes below.
const MAY_HAVE_PICTOGRAPH = /[\u00A9\u00AE\u2000-\u3300\uD83C-\uDBFF]/;
const MAY_HAVE_EMOTICON = /[:;=<)(xX]/;

/** Finds emoji and emoticons that carry sentiment, with their spans in the original text. */
export function findEmojiSignals(text: string): EmojiSignal[] {
  const found: EmojiSignal[] = [];
  if (MAY_HAVE_PICTOGRAPH.test(text)) {
    for (const match of text.matchAll(PICTOGRAPH)) {
      const symbol = match[0];
      const polarity = POSITIVE_EMOJI.has(symbol)
        ? 'positive'
        : NEGATIVE_EMOJI.has(symbol)
          ? 'negative'
          : null;
      if (polarity)
        found.push({ text: symbol, polarity, start: match.index, end: match.index + symbol.length });
    }
  }
  if (MAY_HAVE_EMOTICON.test(text)) {
    for (const match of text.matchAll(EMOTICON)) {
      const face = match[0];
      const polarity = NEGATIVE_EMOTICON.test(face) ? 'negative' : 'positive';
      found.push({ text: face, polarity, start: match.index, end: match.index + face.length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Prepares a post for the classifiers; pure and deterministic. */
export function prepareText(raw: string): PreparedText {
  const emoji = findEmojiSignals(raw);
  let urls = 0;
  let mentions = 0;
  const hashtags: string[] = [];
  let text = raw;
  if (/URL|USER|<LF>|RT/.test(text)) {
    text = text.replace(DATASET_MARKERS, (marker) => {
      if (marker === 'URL') urls++;
      if (marker === '@USER') mentions++;
      return ' ';
    });
  }
  if (/http|www\./i.test(text)) {
    text = text.replace(URL, () => {
      urls++;
      return ' ';
    });
  }
  if (text.includes('@')) {
    text = text.replace(MENTION, () => {
      mentions++;
      return ' ';
    });
  }
  if (text.includes('#')) {
    // A hashtag's words are content (#تاخير_الشحنة is a complaint); underscores split them.
    text = text.replace(HASHTAG, (_tag, body: string) => {
      hashtags.push(body);
      return ` ${body.replace(/_/g, ' ')} `;
    });
  }
  if (emoji.length > 0 || MAY_HAVE_PICTOGRAPH.test(text))
    text = text.replace(EMOTICON, ' ').replace(PICTOGRAPH, ' ');
  const isArabizi = /[a-z]/i.test(text) && looksLikeArabizi(text);
  if (isArabizi) text = arabiziToArabic(text);
  const markers: string[] = [];
  for (const signal of emoji) markers.push(signal.polarity === 'positive' ? 'xemopos' : 'xemoneg');
  if (urls > 0) markers.push('xurl');
  if (mentions > 0) markers.push('xuser');
  if (hashtags.length > 0) markers.push('xhashtag');
  if (/[!！]{2,}/.test(raw)) markers.push('xexclaim');
  if (/[?؟]/.test(raw)) markers.push('xquestion');
  const modelText = `${normalizeForSearch(text)} ${markers.join(' ')}`.trim();
  return { modelText, urls, mentions, hashtags, emoji, isArabizi };
}
