/**
 * Which parts of a page are prose a reader reads, and where one run of prose ends.
 *
 * Decided from tag names and attributes only: `getComputedStyle` per element would cost more than the
 * whole scan on a large page. The rules err on the side of leaving things alone.
 */

/**
 * Elements whose text flows inside the surrounding text. Terms split across them still match
 * (`<a>intrahepatic</a> <a>cholangiocarcinoma</a>`). Every other element ends a run of text.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rb', 's', 'samp', 'small', 'span', 'strike', 'strong',
  'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/** Inline elements that separate words without holding text of their own. */
export const SEPARATOR_TAGS: ReadonlySet<string> = new Set(['br', 'img', 'rp', 'rt']);

/**
 * Elements whose content is not prose (code, scripts, form controls, media, vector graphics): never
 * indexed, never highlighted. Their whole subtree is skipped.
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio',
  'head', 'title', 'meta', 'link',
]);

/** The attribute our own UI hosts carry, so that indexing and the mutation observer ignore them. */
export const OWN_UI_ATTRIBUTE = 'data-termlight-ui';

/**
 * The same rules as a selector, for the rare path that starts from an arbitrary node (a mutation
 * inside an editor must not be indexed).
 */
export const SKIPPED_SELECTOR = [
  ...SKIPPED_TAGS,
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  `[${OWN_UI_ATTRIBUTE}]`,
].join(',');

/** True when an element's subtree must not be indexed. `localName` is passed in, as callers have it. */
export function isSkippedElement(element: Element, localName: string): boolean {
  if (SKIPPED_TAGS.has(localName)) return true;
  // Most inline elements have no attributes at all: one call says so.
  if (!element.hasAttributes()) return false;
  // Cheap attribute checks first: most elements have neither attribute.
  if (element.hasAttribute('contenteditable')) {
    return element.getAttribute('contenteditable') !== 'false';
  }
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  return element.getAttribute('role') === 'textbox';
}
