/**
 * The part of the page the reader is looking at, so that it is highlighted first: the smallest block
 * element around the middle of the viewport that covers the viewport's height (a page opened at an
 * anchor, or restored at its scroll position, starts mid-document). Null when that is the whole page.
 */
import { INLINE_TAGS } from './dom-rules';

export function visibleRegion(doc: Document = document): Element | null {
  const view = doc.defaultView;
  if (!view) return null;
  let element = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight / 2);
  while (element && element !== doc.body && element !== doc.documentElement) {
    if (!INLINE_TAGS.has(element.localName) && element.getBoundingClientRect().height >= view.innerHeight) return element;
    element = element.parentElement;
  }
  return null;
}
