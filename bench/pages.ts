/**
 * The benchmark pages, generated deterministically (seeded PRNG) and served from memory:
 *
 *  - dense:   the seed article repeated 200 times as headings and paragraphs (~0.9 M characters);
 *  - huge:    > 5 M characters in > 100,000 text nodes of news-site markup (navigation, headings,
 *             paragraphs with links/em/strong, lists, tables, code blocks, sidebars, footers), prose
 *             made of English words with the article's sentences mixed in;
 *  - article: a typical article page (~45 KB of text): the seed article inside a site's chrome.
 */
import { createRng, type Rng } from './prng';
import { capitalize, loadArticle, randomSentence, randomWords } from './words';

export type PageName = 'dense' | 'huge' | 'article';
export const PAGE_NAMES: readonly PageName[] = ['article', 'dense', 'huge'];

export interface GeneratedPage {
  name: PageName;
  html: string;
  /** Characters of text the generator wrote (the page reports the exact count of what it parsed). */
  textChars: number;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes HTML and counts the characters of text in it. */
class Html {
  private parts: string[] = [];
  textChars = 0;
  raw(markup: string): this {
    this.parts.push(markup);
    return this;
  }
  text(text: string): this {
    this.textChars += text.length;
    this.parts.push(escapeHtml(text));
    return this;
  }
  /** `<tag attrs>text</tag>` */
  el(tag: string, text: string, attrs = ''): this {
    return this.raw(`<${tag}${attrs ? ` ${attrs}` : ''}>`).text(text).raw(`</${tag}>`);
  }
  /** A newline between blocks, as real pages have: a whitespace-only text node. */
  nl(): this {
    return this.text('\n');
  }
  toString(): string {
    return this.parts.join('');
  }
}

function document(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    '<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:0 1rem}' +
    '.layout{display:flex;gap:2rem}.layout main{flex:3}.layout aside{flex:1}table{border-collapse:collapse}' +
    'td,th{border:1px solid #ccc;padding:2px 6px}pre{background:#f4f4f4;padding:8px;overflow:auto}</style>' +
    `</head><body>\n${body}\n</body></html>`
  );
}

/** Prose with inline markup: some words become links, emphasis, strong text or spans. */
function inlineProse(h: Html, rng: Rng, sentence: string, markup: number): void {
  if (!rng.chance(markup)) {
    h.text(sentence);
    return;
  }
  const words = sentence.split(' ');
  let i = 0;
  while (i < words.length) {
    if (i > 0) h.text(' ');
    if (rng.chance(0.12) && i < words.length - 1) {
      const n = Math.min(words.length - i, rng.int(1, 3));
      const inner = words.slice(i, i + n).join(' ');
      const kind = rng.next();
      if (kind < 0.45) h.el('a', inner, `href="/wiki/${encodeURIComponent(words[i]!)}"`);
      else if (kind < 0.65) h.el('em', inner);
      else if (kind < 0.82) h.el('strong', inner);
      else if (kind < 0.95) h.el('span', inner, 'class="hl"');
      else h.el('code', inner);
      i += n;
    } else {
      h.text(words[i]!);
      i++;
    }
  }
}

/** A paragraph: either a run of the article's sentences, or random prose with some of them mixed in. */
function paragraph(h: Html, rng: Rng, articleShare: number): void {
  const { sentences } = loadArticle();
  h.raw('<p>');
  const n = rng.int(2, 7);
  const fromArticle = rng.chance(articleShare);
  let at = rng.int(0, sentences.length - 1);
  for (let s = 0; s < n; s++) {
    if (s > 0) h.text(' ');
    const sentence = fromArticle || rng.chance(articleShare / 3) ? sentences[at++ % sentences.length]! : randomSentence(rng);
    inlineProse(h, rng, sentence, 0.6);
  }
  h.raw('</p>').nl();
}

function heading(h: Html, rng: Rng, tag: string): void {
  h.el(tag, capitalize(randomWords(rng, 2, 7))).nl();
}

function linkList(h: Html, rng: Rng, items: number, tag = 'ul'): void {
  h.raw(`<${tag}>`).nl();
  for (let i = 0; i < items; i++) {
    h.raw('<li>');
    h.el('a', capitalize(randomWords(rng, 1, 4)), `href="/section/${i}"`);
    h.raw('</li>').nl();
  }
  h.raw(`</${tag}>`).nl();
}

function proseList(h: Html, rng: Rng): void {
  const tag = rng.chance(0.5) ? 'ul' : 'ol';
  h.raw(`<${tag}>`).nl();
  for (let i = rng.int(3, 7); i > 0; i--) {
    h.raw('<li>');
    inlineProse(h, rng, randomSentence(rng), 0.3);
    h.raw('</li>').nl();
  }
  h.raw(`</${tag}>`).nl();
}

function table(h: Html, rng: Rng): void {
  const cols = rng.int(3, 5);
  h.raw('<table><thead><tr>');
  for (let c = 0; c < cols; c++) h.el('th', capitalize(randomWords(rng, 1, 2)));
  h.raw('</tr></thead><tbody>').nl();
  for (let r = rng.int(3, 8); r > 0; r--) {
    h.raw('<tr>');
    for (let c = 0; c < cols; c++) h.el('td', c === 0 ? capitalize(randomWords(rng, 1, 3)) : String(rng.int(1, 9999)));
    h.raw('</tr>').nl();
  }
  h.raw('</tbody></table>').nl();
}

function codeBlock(h: Html, rng: Rng): void {
  const lines: string[] = [];
  for (let i = rng.int(3, 10); i > 0; i--) {
    lines.push(`const ${randomWords(rng, 1, 1)} = ${randomWords(rng, 1, 1)}(${rng.int(0, 99)}); // ${randomWords(rng, 2, 6)}`);
  }
  h.raw('<pre><code>').text(lines.join('\n')).raw('</code></pre>').nl();
}

function figure(h: Html, rng: Rng): void {
  h.raw(`<figure><img alt="" width="320" height="180" src="data:,">`).raw('<figcaption>');
  inlineProse(h, rng, randomSentence(rng), 0.5);
  h.raw('</figcaption></figure>').nl();
}

function blockquote(h: Html, rng: Rng, articleShare: number): void {
  h.raw('<blockquote>');
  paragraph(h, rng, articleShare);
  h.raw('</blockquote>').nl();
}

/** One news page: site header and navigation, article body, sidebar, footer. */
function newsPage(h: Html, rng: Rng, articleShare: number, paragraphs: number): void {
  h.raw('<header class="site"><nav>').nl();
  linkList(h, rng, rng.int(6, 12));
  h.raw('</nav></header>').nl();
  h.raw('<div class="layout"><main><article>').nl();
  heading(h, rng, 'h1');
  h.raw('<p class="byline">').text('By ').el('a', capitalize(randomWords(rng, 2, 2)), 'href="/author"');
  h.text(' · ').el('time', `${rng.int(1, 28)} March 2025`).raw('</p>').nl();
  for (let p = 0; p < paragraphs; p++) {
    paragraph(h, rng, articleShare);
    const r = rng.next();
    if (r < 0.12) heading(h, rng, rng.chance(0.7) ? 'h2' : 'h3');
    else if (r < 0.2) proseList(h, rng);
    else if (r < 0.25) table(h, rng);
    else if (r < 0.29) codeBlock(h, rng);
    else if (r < 0.33) figure(h, rng);
    else if (r < 0.36) blockquote(h, rng, articleShare);
  }
  h.raw('</article></main><aside class="sidebar">').nl();
  for (let s = rng.int(2, 4); s > 0; s--) {
    heading(h, rng, 'h3');
    linkList(h, rng, rng.int(4, 9));
  }
  h.raw('</aside></div><footer>').nl();
  linkList(h, rng, rng.int(5, 10));
  h.raw('<p>').text(`© 2025 ${capitalize(randomWords(rng, 1, 2))}. ${randomSentence(rng)}`).raw('</p></footer>').nl();
}

export function densePage(): GeneratedPage {
  const { title, paragraphs } = loadArticle();
  const h = new Html();
  for (let i = 0; i < 200; i++) {
    h.el('h2', title).nl();
    for (const text of paragraphs) h.el('p', text).nl();
  }
  return { name: 'dense', html: document('dense', h.toString()), textChars: h.textChars };
}

export function hugePage(minChars = 5_200_000): GeneratedPage {
  const rng = createRng(0x5eed);
  const h = new Html();
  while (h.textChars < minChars) newsPage(h, rng, 0.12, rng.int(20, 60));
  return { name: 'huge', html: document('huge', h.toString()), textChars: h.textChars };
}

export function articlePage(): GeneratedPage {
  const rng = createRng(0xa271c1e);
  const { title, paragraphs } = loadArticle();
  const h = new Html();
  h.raw('<header class="site"><nav>').nl();
  linkList(h, rng, 10);
  h.raw('</nav></header><div class="layout"><main><article>').nl();
  h.el('h1', title).nl();
  for (const text of paragraphs) {
    h.raw('<p>');
    inlineProse(h, rng, text, 0.5);
    h.raw('</p>').nl();
  }
  h.raw('</article><section class="comments">').nl();
  heading(h, rng, 'h2');
  for (let c = 0; c < 85; c++) paragraph(h, rng, 0.08);
  h.raw('</section></main><aside class="sidebar">').nl();
  for (let s = 0; s < 4; s++) {
    heading(h, rng, 'h3');
    linkList(h, rng, 8);
  }
  h.raw('</aside></div><footer>').nl();
  linkList(h, rng, 8);
  h.raw('</footer>').nl();
  return { name: 'article', html: document('article', h.toString()), textChars: h.textChars };
}

export function generatePage(name: PageName): GeneratedPage {
  return name === 'dense' ? densePage() : name === 'huge' ? hugePage() : articlePage();
}
