// What Readability keeps of a saved page that is still not article text, removed block by block
// from the parsed document. Readability scores containers, not sentences: the short lines a site
// prints inside its article container survive it — the headline repeated, the printed byline and
// date, a section label, ad labels between paragraphs, "Read more: <link>" lines, a "More on this
// story" list after the body, and the trailers under it (wire "Reporting by … Editing by …",
// "… contributed to this report", "Published in <paper>, <date>", print-edition notes, a funding
// note set in italics after a rule). A fact-checker annotates claims; none of these is one, and
// each would shift offsets and feed the suggestion engine. Corrections and editor's notes are
// article text and stay.
import type { TiptapDoc, TiptapNode } from '@/lib/articles/tiptap-doc';

/** Blocks after the headline in which the page's own header lines (byline, date, label) are looked for. */
const HEADER_ZONE = 8;
/** A header line (byline, date, section label) is short. */
const MAX_HEADER_LINE = 160;
const MAX_TRAILER = 400;
const MAX_HEADLINE = 160;

// Ad labels, in the languages of the desk's sources as well as English.
const AD_LABEL =
  /^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid (?:content|post)|skip advertisement|ad failed to load|(?:advertisement\s*[·|-]\s*)?scroll to continue(?: with content)?|(?:the )?(?:story|article|content) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continue reading (?:the main story|below)(?: advertisement)?|advertorial|anzeige|werbung|gesponsert|publicité|contenu sponsorisé|sponsorisé|publicidad|anuncio|patrocinado|contenido patrocinado|publicidade|pubblicità|annonce|reclame|advertentie|reklame|reklam|reklama|реклама|إعلان|اشتہار|广告|広告)$/iu;

// "Read more: <link>", "Also read | <link>", "RELATED: <link>", "Lire aussi : <link>", "مزید پڑھیں: <link>"
const LINK_LABELS =
  'read more|read also|also read|read|more|related(?: stories| articles| coverage)?|see also|also see|see more|read next|must read|don\'t miss|recommended(?: reading)?|watch|listen|more on this(?: story)?|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|mehr dazu|das könnte sie (?:auch )?interessieren|(?:à )?lire (?:aussi|également)|voir aussi|(?:à )?voir également|(?:también )?te puede interesar|(?:también )?le puede interesar|lee (?:también|más)|leer más|ver también|leia (?:também|mais)|veja também|leggi anche|potrebbe interessarti|lees ook|czytaj (?:też|także)|читайте также|مزید پڑھیں|یہ بھی پڑھیں|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد';
const LINK_LINE_LABEL = new RegExp(`^(?:${LINK_LABELS})\\s*[:：|–—-]\\s*`, 'iu');

const RELATED_HEADING =
  /^(?:more on this (?:story|topic)|related(?: stories| articles| content| coverage| topics| links| reading)?|read more|read next|recommended(?: stories| for you| reading)?|most (?:read|viewed|popular|shared)|more (?:from|in|stories from) .{1,40}|you (?:may|might) also like|explore more(?: on these topics)?|top stories|what to read next|also on .{1,40}|latest stories|popular now|trending|mehr zum thema|das könnte sie auch interessieren|meistgelesen|weitere artikel|(?:à )?lire aussi|sur le même sujet|les plus lus|le plus lu|dans la même rubrique|noticias relacionadas|más información|(?:también )?te puede interesar|lo más (?:visto|leído)|leggi anche|i più letti|potrebbe interessarti|veja também|mais lidas|leia também|lees ook|meest gelezen|متعلقہ خبریں|مقبول خبریں|مزید خبریں|أخبار ذات صلة|اقرأ أيضا)$/iu;

// Attribution under the article: credits, print-edition and syndication notes. Looked for only
// among the last blocks, where they are printed.
const CREDIT_LINE = /^(?:additional |with )?(?:reporting|writing|editing|edited|compiled|graphics|research) by\b/i;
const CREDIT_NOTE = new RegExp(
  [
    '\\bcontributed (?:reporting )?to this (?:report|story|article)\\.?$',
    '^published in .{1,60}\\d{4}\\.?$',
    '^(?:a version of )?this article (?:appears|appeared|was published) in print\\b',
    '^our standards:',
    // Indian dailies' agency credit: "(With inputs from PTI)", "With inputs from agencies".
    // (names only: up to four words — "With inputs from farmers, the board agreed." is a sentence)
    "^\\(?\\s*with inputs from (?:[a-z&'’-]+,?\\s*){1,4}\\)?\\.?$",
    // A translated edition's notice under every piece ("Translation of an original article published
    // in French…", "Translated from the German by …", "This article was originally published in German").
    '^translat(?:ion of an (?:original )?article|ed from (?:the )?[a-z]+)\\b',
    '^(?:this|the) (?:article|story|piece) (?:was )?(?:originally|first) (?:published|written|appeared) in [a-z]+\\b',
  ].join('|'),
  'i',
);
// A wire or agency story's end: its terminator ("(END)", "-ENDS-", "###", "-30-") and the
// reporter's e-mail address printed as a line of its own ("jhkim@agency.example").
const STORY_END_MARK = /^(?:\(\s*end\s*\)|\[\s*end\s*\]|-\s*ends?\s*-|#{3}|-\s*30\s*-|ENDS?)$/;
const STORY_END_MARK_ANY_CASE = /^(?:\(\s*end\s*\)|\[\s*end\s*\]|-\s*ends?\s*-)$/i;
const EMAIL_LINE = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
// A wire's service note to editors, not to readers: "(ATTN: ADDS comments in paras 6-7)", "EDS: updates with…".
// (An "Editor's note" is addressed to readers — a correction, a disclosure — and stays.)
const SERVICE_NOTE = /^(?:\(\s*(?:attn|eds?)\s*:[^()]*\)|(?:attn|eds)\s*:\s*(?:adds|updates|corrects|changes|recasts|moves|fixes|with|new)\b.*)$/i;
/** Blocks at the end in which credits and print notes are looked for. */
const CREDIT_ZONE = 6;

const SOCIAL = '(?:whatsapp|telegram|twitter|x|facebook|instagram|linkedin|tiktok|youtube|google news|threads|bluesky|newsletter|boletín|channel|canal|community)';

// Prompts printed anywhere in the container: follow-us lines, a paywall's teaser.
const PROMPT = new RegExp(
  [
    '^(?:follow|join) .{1,60} on (?:whatsapp|telegram|twitter|x|facebook|instagram|linkedin|google news|threads|bluesky)\\b',
    // "Click here to join our Telegram channel", "Sigue toda la información de Economía en Facebook y X, o …newsletter"
    // (addressed to the reader — "us", "our", "nos" — so that a quoted call on Facebook is not one)
    `^(?:(?:click|tap) here to )?(?:(?:join|follow) (?:us|our)\\b|síguenos\\b|sigue (?:toda )?(?:la )?(?:información|actualidad|última hora)(?!\\p{L})|suivez[- ]nous\\b|suivez toute l.actualité(?!\\p{L})|folgen sie uns\\b|seguici\\b|siga-nos\\b|segueix-nos\\b).{0,120}\\b${SOCIAL}\\b`,
    `^(?:(?:click|tap) here to )?(?:sign up|subscribe) (?:to|for) (?:our|the) .{0,60}\\b(?:newsletter|briefing|bulletin)\\b`,
    `^(?:suscríbete|apúntate|abonnez-vous|inscrivez-vous|abonnieren sie|iscriviti)\\b.{0,80}\\b(?:newsletter|boletín|bolet[ií]n|lettre d.information|infolettre)\\b`,
    // A tips line addressed to the reader: "If you have information about this story, contact us…"
    '^(?:if you have (?:any )?(?:information|a (?:tip|story(?: idea)?))|(?:do you|have you got|got) (?:have )?(?:a (?:tip|story)|information)|have a (?:tip|story(?: idea)?))\\b[^"“”]{0,160}\\b(?:contact us|email us|e-mail us|get in touch|tell us|let us know|write to us|message us|reach us|send (?:us|it to us))\\b[^"“”]*$',
    // The site's plug for itself and its app under the story: "Catch all the Latest News … on <outlet>.
    // Download the app…", "Download the Courier app for breaking news" (a sentence about an app is not one).
    '^catch (?:all )?(?:the )?latest (?:news|updates|headlines)\\b.{0,240}$',
    '^(?:download|get|install) (?:the|our) (?:[\\p{L}-]+ ){0,2}app\\b(?: (?:for|to get|and get|to read)\\b.{0,80})?[.!]?$',
    '^(?:subscribe to (?:continue|keep) reading|this (?:article|story|content) is (?:for|only available to|reserved for) (?:subscribers|members)|already a (?:subscriber|member)\\b|to continue reading\\b|cet article est réservé aux abonnés|(?:je m.abonne|abonnez-vous)\\b|déjà abonné|dieser (?:artikel|beitrag) ist (?:nur )?für abonnenten|jetzt (?:abonnieren|weiterlesen)|weiterlesen mit\\b|este artículo es (?:solo )?para suscriptores|suscríbete para seguir leyendo)',
  ].join('|'),
  'iu',
);

const SEPARATOR = /^[\s_*=~•·–—-]{3,}$/;

// A media control's label left as a line of its own: an audio player's ("Listen to this article ·
// 7:12"), a picture viewer's ("Enlarge this image", "toggle caption").
const MEDIA_CONTROL_LABEL =
  /^(?:listen to (?:this|the) (?:article|story|report|piece)|listen(?: now)?|play (?:audio|video|article)|audio version|hear this story|enlarge (?:this )?(?:image|photo|picture)|click to enlarge|view (?:larger|full[- ]size)(?: image)?|expand (?:image|photo)|(?:toggle|hide|show) caption|view (?:the )?gallery|open gallery|bild vergrößern|agrandir (?:l.)?image|ampliar (?:la )?(?:imagen|foto)|\d+\s*min(?:ute)?s?\s*listen|artikel anhören|(?:é|e)couter (?:cet|l.)article|escuchar (?:este )?(?:artículo|noticia)|ouvir (?:este )?(?:artigo|texto)|ouça (?:este )?(?:artigo|conteúdo)|ascolta (?:l.|questo )articolo)(?:\s*[·|:–—-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?$/iu;

// A taxonomy line of the article's header or foot: "Category: Local news", "Filed under: Housing".
const CLASSIFICATION_LINE =
  /^(?:categor(?:y|ies)|section|filed (?:under|in)|topics?|tags?|tagged|kategorie|rubrik|schlagw(?:ö|o)rter|cat(?:é|e)gorie|rubrique|mots[- ]cl(?:é|e)s|categor(?:í|i)a|secci(?:ó|o)n|etiquetas|temas|se(?:ç|c)(?:ã|a)o)\s*:\s*[^.!?]{1,80}$/iu;

// A button's label printed as a link of its own: "Share Ledger Lines", "Leave a comment", "Subscribe now".
const BUTTON_LABEL =
  /^(?:share(?: this(?: post| article| story| page)?)?|subscribe(?: now| for free| today)?|sign up(?: now| for free)?|leave a comment|give a gift subscription|get the app|download (?:the|our) app|upgrade(?: to paid)?|become a (?:member|subscriber|supporter|patron)|donate(?: now| today)?|support (?:us|our (?:work|journalism))|join (?:now|us|today))$/i;
// "Share Ledger Lines": a share button may name the publication (capitalised), not go on as a headline ("Share prices fall").
const SHARE_AND_NAME = /^[Ss]hare\s+(?=\p{Lu})[^.!?]*$/u;
/** A button's label is short. */
const MAX_BUTTON_LABEL = 40;

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_TIME = new RegExp(`\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?|\\b${MONTH}(?=[\\s\\d,]|$)|\\d+(?:st|nd|rd|th)?`, 'gi');
const HEADER_WORDS =
  /\b(?:by|and|published|updated|last|modified|posted|on|at|gmt|utc|bst|cet|cest|est|edt|et|pst|pdt|ist|pkt|ago|hours?|mins?|minutes?|days?|read|reading|time|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b/gi;
// A live-blog entry's time on a line of its own ("15:04", "17.40 GMT", "9:12 am ET").
const ENTRY_TIME = /^\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:gmt|utc|bst|cet|cest|est|edt|et|pst|pdt|ist|pkt|hkt|jst|aest))?$/i;
/** This many bare times make the page a timeline of entries: the first entry's time is not a date line. */
const MIN_ENTRY_TIMES = 3;
const READING_TIME = /\b\d+\s*(?:min(?:ute)?s?)\.?\s*read\b/i;

export function plainText(node: TiptapNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(plainText).join(node.type === 'paragraph' || node.type === 'heading' ? '' : ' ');
}

function linkedText(node: TiptapNode): string {
  if (node.type === 'text') return node.marks?.some((m) => m.type === 'link') ? (node.text ?? '') : '';
  return (node.content ?? []).map(linkedText).join('');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const letters = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '').length;

/** Share of a block's letters that are link text: a list of headlines is all links. */
export function linkDensity(node: TiptapNode): number {
  const all = letters(plainText(node));
  return all === 0 ? 0 : letters(linkedText(node)) / all;
}

function isWhollyMarked(node: TiptapNode, mark: 'italic' | 'bold'): boolean {
  const texts = (node.content ?? []).filter((n) => n.type === 'text' && (n.text ?? '').trim() !== '');
  return texts.length > 0 && texts.every((n) => n.marks?.some((m) => m.type === mark));
}

const isWhollyItalic = (node: TiptapNode) => isWhollyMarked(node, 'italic');

/**
 * A bold line of words (no digits: not a date line) under the text's first paragraph is the body's
 * first sub-heading, not the page's section label, which stands above the text.
 */
function isBoldLineInText(node: TiptapNode, bodyParagraphs: number): boolean {
  const text = squash(plainText(node));
  return bodyParagraphs > 0 && isWhollyMarked(node, 'bold') && !/\d/.test(text) && text.includes(' ');
}

/** A label's decoration: "- Advertisement -", "[ Anzeige ]", "— Publicidad —". */
const LABEL_DECORATION = /^[\s\-–—_*·•|[\]()<>«»]+|[\s\-–—_*·•|[\]()<>«»]+$/gu;

export function isAdLabel(text: string): boolean {
  return AD_LABEL.test(squash(text).replace(LABEL_DECORATION, ''));
}

/**
 * "Read more: <a headline>" — a label, then mostly link text, or a headline (short, no closing
 * full stop) where the link itself did not survive (a relative link on a page that names no URL).
 */
export function isLinkLine(node: TiptapNode): boolean {
  const text = squash(plainText(node));
  const label = LINK_LINE_LABEL.exec(text);
  if (!label) return isUnpunctuatedLinkLine(text, node);
  const headline = text.slice(label[0].length);
  const rest = letters(headline);
  if (rest === 0) return false;
  return letters(linkedText(node)) >= rest * 0.6 || (headline.length <= MAX_HEADLINE && !/[.!?۔。]["”’»)]?$/u.test(headline));
}

// The label with no colon after it: "Read more <link>", "Also read <link>", "Lire aussi <link>" (not
// a lone "Read" or "Watch": "Read <the full judgment>" points to a source).
const BARE_LINK_LABEL =
  /^(?:read more|read also|also read|see also|also see|read next|more on this(?: story)?|lesen sie (?:auch|mehr)|(?:à )?lire (?:aussi|également)|voir aussi|lee (?:también|más)|leia (?:também|mais)|veja também|leggi anche)\s+/iu;
// A badge a site prints before the linked headline: "Subscribers only", "Premium", "Réservé aux abonnés".
const LINK_BADGE = /^(?:(?:for )?subscribers? only|premium|exclusive|members? only|réservé aux abonnés|abonnés|article abonné|nur für abonnenten|plus|solo para suscriptores|exclusivo para assinantes)\s+/iu;

/**
 * "Read more Subscribers only <a headline>": the label without its colon counts only when all that
 * follows it (past a subscriber badge) is the link — "Read more about the plan on <link>" is a sentence.
 */
function isUnpunctuatedLinkLine(text: string, node: TiptapNode): boolean {
  const label = BARE_LINK_LABEL.exec(text);
  if (!label) return false;
  const rest = text.slice(label[0].length).replace(LINK_BADGE, '');
  const linked = squash(linkedText(node));
  return letters(rest) > 0 && squash(rest) === linked;
}

/**
 * A credit or print note ("Reporting by Jane Roe in Kelmouth; Editing by Omar Said"). A credit
 * line is names and places: "Reporting by the council found…" is a sentence and not one.
 */
export function isCredit(text: string): boolean {
  const line = squash(text);
  if (line.length > MAX_TRAILER) return false;
  if (CREDIT_NOTE.test(line) || STORY_END_MARK.test(line) || STORY_END_MARK_ANY_CASE.test(line) || EMAIL_LINE.test(line)) return true;
  if (!CREDIT_LINE.test(line)) return false;
  const plainWords = line
    .replace(/\b(?:additional|with|reporting|writing|editing|edited|compiled|graphics|research|by|in|and|from|at|of)\b/gi, ' ')
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '' && w === w.toLowerCase());
  return plainWords.length <= 1;
}

export function isMediaControlLabel(text: string): boolean {
  return MEDIA_CONTROL_LABEL.test(squash(text));
}

// A video player's playlist: its label, then the title of the video it names.
const PLAYLIST_LABEL = /^(?:now playing|up next|next up|playing next|watch next|next video|coming up next|à suivre|als nächstes|a continuación)$/iu;

/** "Up Next" and, after it, the title of the video it announces (a headline: short, no closing full stop). */
function playlistLines(blocks: TiptapNode[], i: number): number[] {
  if (blocks[i]?.type !== 'paragraph' || !PLAYLIST_LABEL.test(squash(plainText(blocks[i]!)))) return [];
  const next = blocks[i + 1];
  const title = next?.type === 'paragraph' ? squash(plainText(next)) : '';
  return title !== '' && title.length <= MAX_HEADLINE && !/[.!?۔。]["”’»)]?$/u.test(title) && !PLAYLIST_LABEL.test(title) ? [i, i + 1] : [i];
}

export function isClassificationLine(text: string): boolean {
  return CLASSIFICATION_LINE.test(squash(text));
}

/** A paragraph that is only a link labelled as a button ("Share Ledger Lines"), not a sentence. */
export function isButtonLink(node: TiptapNode): boolean {
  const text = squash(plainText(node));
  return text !== '' && text.length <= MAX_BUTTON_LABEL && linkDensity(node) === 1 && (BUTTON_LABEL.test(text) || SHARE_AND_NAME.test(text));
}

export function isPrompt(text: string): boolean {
  // Leading arrows and emoji ("➡️ Join our channel") are decoration.
  const line = squash(text).replace(/^[^\p{L}\p{N}]+/u, '');
  return line.length <= MAX_TRAILER && PROMPT.test(line);
}

/**
 * A byline printed on its own anywhere in the article: a live blog's entry author ("Rhea Mistry",
 * "Posted by Rhea Mistry"), a byline repeated at the foot. Only the names of the page's declared
 * byline count, and nothing else may be left: a sentence naming the author is article text.
 */
export function isBylineOnly(text: string, bylineNames: string[]): boolean {
  const line = squash(text);
  if (line === '' || line.length > MAX_HEADER_LINE || bylineNames.length === 0) return false;
  let rest = ` ${line} `;
  let named = false;
  for (const name of bylineNames) {
    const next = rest.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'giu'), ' ');
    if (next !== rest) named = true;
    rest = next;
  }
  // A role or place in brackets after the names: "Hugo Lenoir (Marseille, correspondent)".
  if (named) rest = rest.replace(/\([^()]{1,60}\)/g, ' ');
  return named && /^(?:\s|[,;&|·•/–—-]|\b(?:and|by|posted|written|edited|updated|reporting|from|with|por|par|von|di|de|y|et|und|e)\b)*$/iu.test(rest);
}

/**
 * A line of the page's article header: the printed byline and date ("By Jane Roe · 3 May 2025 ·
 * 6 min read", "Updated 9:47 PM UTC, June 2, 2025"), or a section label ("Health"). What is left
 * once dates, times, the byline's names and header words are taken out is at most a place or an
 * outlet name; a standfirst, even one with a date in it, has far more words and stays.
 */
export function isHeaderLine(text: string, bylineNames: string[], outlet: string | null = null): boolean {
  const line = squash(text);
  // A sentence's full stop may sit before a note marker ("…4.4 million.[1]").
  if (line === '' || line.length > MAX_HEADER_LINE || /[.!?;:"”’)](?:\[[\p{L}\p{N}*†‡§]{1,4}\])*$/u.test(line)) return false;
  let rest = line;
  let signal = READING_TIME.test(line);
  // A reporter's role line names the outlet and a place ("BNS News, Cumbria"): the outlet opens it.
  if (outlet && outlet.length > 1 && line.toLowerCase().startsWith(outlet.toLowerCase()) && /^(?:$|[\s,·|–—-])/.test(line.slice(outlet.length))) {
    rest = rest.slice(outlet.length);
    signal = true;
  }
  for (const name of bylineNames) {
    if (name && rest.toLowerCase().includes(name.toLowerCase())) {
      rest = rest.replace(new RegExp(escapeRegExp(name), 'gi'), ' ');
      signal = true;
    }
  }
  const withoutDates = rest.replace(DATE_TIME, ' ');
  if (withoutDates !== rest) signal = true;
  const words = withoutDates.replace(HEADER_WORDS, ' ').split(/[^\p{L}]+/u).filter((w) => w.length > 1);
  const originalWords = line.split(/[^\p{L}]+/u).filter((w) => w.length > 1);
  // A bare label ("Health", "Research paper") has no date or name, few words and no punctuation
  // (a dateline set apart, "KYIV, Ukraine —", is the article's and stays).
  if (!signal) return originalWords.length <= 2 && /^[\p{L}\s&'’-]+$/u.test(line);
  return words.length <= 3;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function splitByline(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 2);
}

const norm = (s: string) => s.toLowerCase().replace(/^\s*by\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The parsed article of a saved page without the page's furniture (see the file comment). Works
 * on top-level blocks only: a list or quote is the page's content or a related-links list as a whole.
 */
export function tidyWebArticle(doc: TiptapDoc, byline: string | null, outlet: string | null = null): TiptapDoc {
  const blocks = doc.content;
  const drop = new Set<number>();
  const names = splitByline(byline);
  const [first, second] = blocks;
  const headline = first?.type === 'heading' ? norm(plainText(first)) : null;
  // The headline again under our <h1> (Readability keeps it when it cannot compare the words, e.g. in Urdu).
  if (headline && second?.type === 'heading' && norm(plainText(second)) === headline) drop.add(1);

  // The page's article header: printed byline, date line, section label, before the text proper.
  const entryTimes = blocks.filter((b) => b.type === 'paragraph' && ENTRY_TIME.test(squash(plainText(b)))).length >= MIN_ENTRY_TIMES;
  let bodyParagraphs = 0;
  for (let i = headline ? 1 : 0; i < Math.min(blocks.length, HEADER_ZONE) && bodyParagraphs < 2; i += 1) {
    const block = blocks[i]!;
    if (block.type === 'heading' && i > 0 && !drop.has(i)) break;
    if (block.type !== 'paragraph') continue;
    if (entryTimes && ENTRY_TIME.test(squash(plainText(block)))) continue;
    if (isHeaderLine(plainText(block), names, outlet) && !isBoldLineInText(block, bodyParagraphs)) drop.add(i);
    else if (squash(plainText(block)).length >= 60) bodyParagraphs += 1;
  }

  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i]!;
    const text = plainText(block);
    if (block.type === 'paragraph' && (isAdLabel(text) || SEPARATOR.test(text) || isPrompt(text) || isLinkLine(block))) drop.add(i);
    if (block.type === 'paragraph' && (isMediaControlLabel(text) || isClassificationLine(text) || isButtonLink(block))) drop.add(i);
    if (block.type === 'paragraph' && SERVICE_NOTE.test(squash(text))) drop.add(i);
    for (const j of playlistLines(blocks, i)) drop.add(j);
    // A line with no letter or digit: an emoji of a callout box ("📌"), a decoration.
    if (block.type === 'paragraph' && squash(text) !== '' && letters(text) === 0) drop.add(i);
    if (block.type === 'paragraph' && i >= blocks.length - CREDIT_ZONE && isCredit(text)) drop.add(i);
    if (block.type === 'paragraph' && isBylineOnly(text, names)) drop.add(i);
    // "More on this story" and the list of headlines under it.
    if (block.type === 'heading' && i > 0 && RELATED_HEADING.test(squash(text))) {
      let end = i + 1;
      while (end < blocks.length && blocks[end]!.type !== 'heading' && linkDensity(blocks[end]!) >= 0.5) end += 1;
      if (end > i + 1) for (let j = i; j < end; j += 1) drop.add(j);
    }
  }

  // A heading with nothing under it ends the page's article container, not the article ("Discussion about this post").
  for (let i = blocks.length - 1; i > 0 && (drop.has(i) || blocks[i]!.type === 'heading'); i -= 1) drop.add(i);

  // A note set in italics under a closing rule (a funding or syndication note), at the very end.
  for (let i = blocks.length - 1; i > 0; i -= 1) {
    if (drop.has(i)) continue;
    const block = blocks[i]!;
    const underRule = SEPARATOR.test(plainText(blocks[i - 1]!));
    if (!(underRule && block.type === 'paragraph' && isWhollyItalic(block) && plainText(block).length <= MAX_TRAILER)) break;
    drop.add(i);
  }

  if (drop.size === 0 || drop.size >= blocks.length) return doc;
  return { ...doc, content: blocks.filter((_, i) => !drop.has(i)) };
}
