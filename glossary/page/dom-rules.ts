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
  // The commonest first: text-index.ts makes a `:not(...)` selector of this list, which the browser
  // checks against every element of a paragraph in this order (2.4 of 11.2 ms less over the bench's
  // 5 MB page than in alphabetical order).
  'a', 'span', 'em', 'strong', 'b', 'i', 'small', 'sup', 'sub', 'abbr', 'time', 'cite', 'font',
  'label', 'mark', 'q', 'u', 's', 'del', 'ins', 'kbd', 'samp', 'var', 'dfn', 'data', 'bdi', 'bdo',
  'big', 'tt', 'nobr', 'acronym', 'strike', 'rb', 'wbr',
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
  return SKIPPED_TAGS.has(localName) || hasSkippingAttributes(element);
}

/**
 * True when an element's attributes put its subtree out of reach of indexing: an editor, a text box,
 * our own UI. The attribute half of `isSkippedElement`, for callers that already know the tag's kind.
 */
export function hasSkippingAttributes(element: Element): boolean {
  // Most elements have no attributes at all: one call says so.
  if (!element.hasAttributes()) return false;
  // Cheap attribute checks first: most elements have neither attribute.
  if (element.hasAttribute('contenteditable')) {
    return element.getAttribute('contenteditable') !== 'false';
  }
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  return element.getAttribute('role') === 'textbox';
}

/**
 * What the text walk does with an element, from its tag name alone (see `tagKind`): a block ends the
 * run of text and holds blocks of its own; an inline element's text joins the run; a separator adds a
 * line break to the run; a skipped element ends the run and is never read.
 */
export const BLOCK_TAG = 0;
export const INLINE_TAG = 1;
export const SEPARATOR_TAG = 2;
export const SKIPPED_TAG = 3;
/** A block element that may carry an open shadow root: no other element can (see below). */
export const SHADOW_HOST_TAG = 4;
export type TagKind =
  | typeof BLOCK_TAG
  | typeof INLINE_TAG
  | typeof SEPARATOR_TAG
  | typeof SKIPPED_TAG
  | typeof SHADOW_HOST_TAG;

/**
 * The built-in elements `attachShadow` (and declarative shadow DOM) accept as hosts; besides these, only
 * autonomous custom elements, whose names all contain a hyphen. Asking any other element for its
 * `shadowRoot` is a call into the browser that always answers null.
 */
const SHADOW_HOST_TAGS: readonly string[] = [
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'main', 'nav', 'p', 'section', 'span',
];

/** Kinds by tag name: seeded from the rules above, then remembering the other names met (see tagKind). */
const tagKinds = new Map<string, TagKind>();
for (const name of SHADOW_HOST_TAGS) tagKinds.set(name, SHADOW_HOST_TAG);
for (const name of SKIPPED_TAGS) tagKinds.set(name, SKIPPED_TAG);
for (const name of SEPARATOR_TAGS) tagKinds.set(name, SEPARATOR_TAG);
// Last, so that `span` is inline, as its text is, though it can host a shadow root.
for (const name of INLINE_TAGS) tagKinds.set(name, INLINE_TAG);

/** Bounds the names remembered, against a page that invents tag names without end. */
const MAX_REMEMBERED_TAGS = 2000;

/** The kind of an element with this `localName`: one map lookup, where the sets take up to four. */
export function tagKind(localName: string): TagKind {
  let kind = tagKinds.get(localName);
  if (kind === undefined) {
    kind = localName.includes('-') ? SHADOW_HOST_TAG : BLOCK_TAG;
    if (tagKinds.size < MAX_REMEMBERED_TAGS) tagKinds.set(localName, kind);
  }
  return kind;
}

/**
 * The HTML element interfaces that most of a page's elements have, each with every tag name that gets it
 * (the HTML standard's element index, which browsers follow). An HTML element's interface follows
 * from its tag name alone.
 */
const INTERFACE_TAGS: Readonly<Record<string, readonly string[]>> = {
  HTMLAnchorElement: ['a'],
  HTMLSpanElement: ['span'],
  HTMLTimeElement: ['time'],
  HTMLDataElement: ['data'],
  HTMLModElement: ['ins', 'del'],
  HTMLLabelElement: ['label'],
  HTMLBRElement: ['br'],
  HTMLImageElement: ['img'],
  HTMLParagraphElement: ['p'],
  HTMLDivElement: ['div'],
  HTMLHeadingElement: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  HTMLBodyElement: ['body'],
  HTMLLIElement: ['li'],
  HTMLUListElement: ['ul'],
  HTMLOListElement: ['ol'],
  HTMLDListElement: ['dl'],
  HTMLTableElement: ['table'],
  HTMLTableSectionElement: ['thead', 'tbody', 'tfoot'],
  HTMLTableRowElement: ['tr'],
  HTMLTableCellElement: ['td', 'th'],
  HTMLTableCaptionElement: ['caption'],
  HTMLScriptElement: ['script'],
  HTMLStyleElement: ['style'],
  HTMLLinkElement: ['link'],
  HTMLMetaElement: ['meta'],
  HTMLInputElement: ['input'],
  HTMLButtonElement: ['button'],
};

/**
 * Tag kinds by the element's interface (its `constructor`), for the interfaces whose tags all have one
 * kind; other elements (`HTMLElement` is shared by em, strong, code, section…) need `tagKind(localName)`.
 * Reading `constructor` is a plain JS property load, where `localName` is a call into the browser that
 * also hands back a string: on a large page that call is a good part of the whole walk.
 *
 * Built on first use, from the interfaces of this realm: a page's own subclasses (custom elements) and
 * nodes from another realm have other constructors and fall back to the tag name. Undefined where there
 * is no DOM (a service worker).
 */
let interfaceKinds: Map<unknown, TagKind> | undefined;

export function tagKindsByInterface(): ReadonlyMap<unknown, TagKind> | undefined {
  if (interfaceKinds === undefined && typeof Element === 'function') {
    interfaceKinds = new Map();
    const globals = globalThis as unknown as Record<string, unknown>;
    for (const [name, tags] of Object.entries(INTERFACE_TAGS)) {
      // Checked against the tag rules, so that a change to those can never leave a stale entry here.
      const kinds = new Set(tags.map(tagKind));
      const constructor = globals[name];
      if (typeof constructor === 'function' && kinds.size === 1) interfaceKinds.set(constructor, [...kinds][0]!);
    }
  }
  return interfaceKinds;
}
