/**
 * The popover's home in the page: a custom element with an open shadow root, so page CSS cannot reach
 * inside, appended to <html> (outside <body>'s layout). Styles are an adopted, constructed stylesheet:
 * unlike a <style> element, a strict page CSP cannot block it.
 *
 * WXT's createShadowRootUi does the same and more (auto-mounting, anchors by XPath, CSS loading), but
 * that machinery costs about 3 KB gzip in a script that runs on every page; this is all we need.
 */
import { OWN_UI_ATTRIBUTE } from '@/glossary/page/dom-rules';

export interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
  remove(): void;
}

export function createShadowHost({ name, css }: { name: string; css: string }): ShadowHost {
  let host = document.createElement(name);
  let shadow: ShadowRoot;
  try {
    shadow = host.attachShadow({ mode: 'open' });
  } catch {
    // The page defined a custom element of this name that holds a shadow root of its own: a plain
    // <div> cannot be taken over like that (the :host rules style it the same).
    host = document.createElement('div');
    shadow = host.attachShadow({ mode: 'open' });
  }
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  const container = document.createElement('div');
  shadow.append(container);
  // Keys typed inside the popover must not reach the page's own shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);
  return { host, container, remove: () => host.remove() };
}
