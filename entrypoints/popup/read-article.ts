/**
 * Turns the page in the active tab into a proposed glossary. The content script hands over the page's
 * HTML; here it is parsed inertly (DOMParser runs no scripts), its main text is taken with Mozilla's
 * Readability (not the navigation, ads or comments), and the extractor proposes entries.
 */
import { Readability } from '@mozilla/readability';
import { extractGlossary } from '@/glossary/extract';
import type { GlossaryInput } from '@/glossary';
import { sendMessage } from '@/utils/messaging';

export type Proposal = { ok: true; glossary: GlossaryInput } | { ok: false; error: string };

/** The article in an HTML document, as plain text with its paragraphs kept apart. */
export function articleText(html: string, url: string): { title: string; text: string } | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  // Readability rearranges the document it reads, so take the heading first.
  const heading = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const article = new Readability(doc, { charThreshold: 200 }).parse();
  if (!article?.content) return null;
  // Readability gives HTML; read it back inertly as text, one block per line.
  const content = new DOMParser().parseFromString(article.content, 'text/html');
  const blocks = [...content.body.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, dd, dt, td, th, figcaption')];
  const text = blocks.length
    ? blocks
        .filter((block) => !block.querySelector('p, li'))
        .map((block) => block.textContent?.replace(/\s+/g, ' ').trim() ?? '')
        .filter(Boolean)
        .join('\n\n')
    : (article.textContent ?? '');
  return { title: cleanTitle(article.title || doc.title, heading), text };
}

/** "Article title | Site name" becomes "Article title" when the page's heading says so. */
function cleanTitle(title: string, heading: string | undefined): string {
  if (heading && heading.length >= 8 && title.startsWith(heading)) return heading;
  return title.trim();
}

export async function proposeGlossary(tabId: number): Promise<Proposal> {
  let page: { html: string; url: string; title: string };
  try {
    page = await sendMessage('getPageForExtraction', undefined, { tabId, frameId: 0 });
  } catch {
    return { ok: false, error: 'Termlight can’t read this page, so it can’t make a glossary from it.' };
  }
  const article = articleText(page.html, page.url);
  if (!article || article.text.length < 200) {
    return { ok: false, error: 'No article was found on this page: there is too little running text to draw a glossary from.' };
  }
  const url = /^https?:/.test(page.url) ? page.url : undefined;
  const glossary = extractGlossary({ title: article.title || page.title || 'Untitled page', url, text: article.text });
  if (glossary.entries.length === 0) {
    return { ok: false, error: 'No terms were found: this article defines no abbreviations and explains no terms in a way Termlight recognises.' };
  }
  return { ok: true, glossary };
}
