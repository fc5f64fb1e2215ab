/**
 * The content script: thin wiring of settings, glossaries, the highlight engine, the popover and
 * messages. Runs in every frame the extension may read; each frame highlights its own document.
 */
import './highlights.css';
import highlightsCss from './highlights.css?inline';
import type { HighlightResult } from '@/glossary';
import { buildCatalogue, type Catalogue } from '@/glossary/catalogue';
import { loadGlossaries, watchGlossaries } from '@/utils/glossary-store';
import { onMessage, removeAllListeners, sendMessage } from '@/utils/messaging';
import { siteKey, type Settings } from '@/utils/settings-schema';
import { loadSettings, watchSettings } from '@/utils/settings-storage';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageHighlighting, type PageHighlighting } from './page-highlighting';
import { createPopoverController, type PopoverController } from './popover/popover-controller';

interface Running {
  page: PageHighlighting;
  popover: PopoverController;
}

function startOnPage(ctx: ContentScriptContext, catalogue: Catalogue, settings: Settings, report: (result: HighlightResult) => void): Running {
  const page = startPageHighlighting({ catalogue, settings, shadowRootCss: highlightsCss, onUpdate: report });
  const popover = createPopoverController({
    ctx,
    catalogue,
    highlighter: page.highlighter,
    shadowRoots: page.shadowRoots,
    onOpenInGlossary: (entryKey) => void sendMessage('openGlossaryEntry', { entryId: entryKey }).catch(() => {}),
  });
  popover.setOptions(settings);
  return { page, popover };
}

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames without a URL of their own (`<iframe srcdoc>`, about:blank filled by their parent's
  // script) belong to the page that made them: embedded posts, quotes and comments live there.
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    let [{ settings }, { glossaries }] = await Promise.all([loadSettings(), loadGlossaries()]);
    if (ctx.isInvalid) return;

    // Not crypto.randomUUID(): it exists only in secure contexts, so on a plain http:// page (or an
    // about:blank one) it is missing and the content script would stop here.
    const documentId = Array.from(crypto.getRandomValues(new Uint32Array(4)), (part) => part.toString(16)).join('-');
    let reported = '';
    const report = ({ counts }: HighlightResult) => {
      const entryIds = Object.keys(counts).sort();
      const key = entryIds.join(',');
      if (key === reported || ctx.isInvalid) return;
      reported = key;
      sendMessage('reportTerms', { entryIds, documentId, pageStartedAt: performance.timeOrigin }).catch(() => {});
    };

    let running = startOnPage(ctx, buildCatalogue(glossaries), settings, report);
    const stop = () => {
      running.popover.destroy();
      running.page.destroy();
    };

    const unwatchSettings = watchSettings(({ settings: next }) => {
      settings = next;
      running.page.applySettings(next);
      running.popover.setOptions(next);
      if (!running.page.active) running.popover.close();
    });
    // New, renamed or deleted glossaries change what is matched: start over with the new catalogue.
    const unwatchGlossaries = watchGlossaries((loaded) => {
      if (ctx.isInvalid) return;
      stop();
      glossaries = loaded.glossaries;
      running = startOnPage(ctx, buildCatalogue(glossaries), settings, report);
    });

    // Only the top frame answers the popup and the keyboard commands, so each has one receiver.
    if (window === window.top) {
      onMessage('getPageTerms', () => ({
        site: siteKey(location.hostname),
        active: running.page.active,
        counts: running.page.highlighter.result().counts,
      }));
      onMessage('revealTerm', ({ data }) => running.popover.reveal(String(data?.entryId)));
      onMessage('navigateTerms', ({ data }) => void running.popover.navigate(data?.direction === 'previous' ? 'previous' : 'next'));
      onMessage('toggleTab', () => {
        const active = running.page.toggleForTab();
        if (!active) running.popover.close();
        return active;
      });
      onMessage('getPageForExtraction', () => ({
        html: document.documentElement.outerHTML,
        url: location.href,
        title: document.title,
      }));
    }

    // When the extension is reloaded or updated, this copy is orphaned. Chrome does not tell an orphan;
    // ctx notices when it next checks the runtime, which this cheap interval makes it do.
    ctx.setInterval(() => {}, 2000);
    // Orphaned: leave the page as we found it.
    ctx.onInvalidated(() => {
      for (const cleanup of [unwatchSettings, unwatchGlossaries, removeAllListeners, stop]) {
        try {
          cleanup();
        } catch {
          // The extension's APIs are gone in an orphaned script; the page must not see an error.
        }
      }
    });
  },
});
