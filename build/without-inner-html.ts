import type { Plugin } from 'vite';

/**
 * `web-ext lint` (the linter addons.mozilla.org runs) flags every assignment to `innerHTML` of a value it
 * cannot prove safe (UNSAFE_VAR_ASSIGNMENT). Termlight's own code has none; bundled libraries have three.
 * They are rewritten at build time into DOM operations that parse no HTML. Each rewrite must find its
 * code exactly once, so a library upgrade that changes the code fails the build instead of silently
 * bringing the warning back.
 */
const LINT_PATCHES: { library: string; module: RegExp; rewrites: [find: string | RegExp, replace: string][] }[] = [
  {
    // Preact writes a `dangerouslySetInnerHTML` prop into innerHTML. Termlight never uses it (glossary
    // text is always rendered as text): such a prop now throws instead of writing HTML.
    library: 'preact',
    module: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.m?js$/,
    rewrites: [[/\b[\w$]+\.innerHTML=[\w$]+\.__html\b/g, '(()=>{throw new Error("Termlight renders text only: dangerouslySetInnerHTML is disabled")})()']],
  },
  {
    // Mozilla's Readability (the popup reads the article with it, in an inert DOMParser document) saves
    // the page as HTML and restores it by parsing it again, and copies a <noscript>'s parsed content
    // the same way. Cloning the nodes does the same.
    library: '@mozilla/readability',
    module: /[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    rewrites: [
      ['var pageCacheHtml = page.innerHTML;', 'var pageCache = page.cloneNode(true);'],
      ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCache.cloneNode(true).childNodes);'],
      ['tmp.innerHTML = noscript.innerHTML;', 'tmp.replaceChildren(...Array.from(noscript.childNodes, (node) => node.cloneNode(true)));'],
    ],
  },
];

export function withoutInnerHtmlAssignments(): Plugin {
  return {
    name: 'termlight:without-inner-html-assignments',
    apply: 'build',
    transform(code, id) {
      const patch = LINT_PATCHES.find(({ module }) => module.test(id.split('?')[0]!));
      if (!patch) return null;
      let patched = code;
      for (const [find, replace] of patch.rewrites) {
        const count = typeof find === 'string' ? patched.split(find).length - 1 : (patched.match(find) ?? []).length;
        if (count !== 1) this.error(`${patch.library} changed: expected ${find} once in ${id}, found it ${count} times (see LINT_PATCHES)`);
        patched = patched.replace(find, () => replace);
      }
      return { code: patched, map: null };
    },
  };
}
