/**
 * The content script: thin wiring of settings, the highlight engine, the popover and messages.
 * Runs in every frame the extension may read; each frame highlights its own document.
 */
import './highlights.css';
import highlightsCss from './highlights.css?inline';
import { builtinGlossary, type HighlightResult } from '@/glossary';
import { loadSettings, watchSettings } from '@/utils/settings-storage';
import { onMessage, removeAllListeners, sendMessage } from '@/utils/messaging';
import { siteKey } from '@/utils/settings-schema';
import { startPageHighlighting } from './page-highlighting';
import { createPopoverController } from './popover/popover-controller';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const { settings } = await loadSettings();
    if (ctx.isInvalid) return;
    const glossary = builtinGlossary;
    const isTopFrame = window === window.top;

    let reported = '';
    const documentId = crypto.randomUUID();
    const reportTerms = ({ counts }: HighlightResult) => {
      const entryIds = Object.keys(counts).sort();
      const key = entryIds.join(',');
      if (key === reported || ctx.isInvalid) return;
      reported = key;
      sendMessage('reportTerms', { entryIds, documentId, pageStartedAt: performance.timeOrigin }).catch(() => {});
    };

    const page = startPageHighlighting({
      glossaryId: glossary.id,
      entries: glossary.entries,
      settings,
      shadowRootCss: highlightsCss,
      onUpdate: reportTerms,
    });
    const popover = createPopoverController({
      ctx,
      glossary,
      highlighter: page.highlighter,
      shadowRoots: page.shadowRoots,
      onOpenInGlossary: (entryId) => void sendMessage('openGlossaryEntry', { entryId }).catch(() => {}),
    });
    popover.setOptions(settings);

    const unwatch = watchSettings(({ settings: next }) => {
      page.applySettings(next);
      popover.setOptions(next);
      if (!page.active) popover.close();
    });

    // Only the top frame answers the popup and the keyboard commands, so each has one receiver.
    if (isTopFrame) {
      onMessage('getPageTerms', () => ({
        site: siteKey(location.hostname),
        active: page.active,
        counts: page.highlighter.result().counts,
      }));
      onMessage('revealTerm', ({ data }) => popover.reveal(data.entryId));
      onMessage('navigateTerms', ({ data }) => void popover.navigate(data.direction));
      onMessage('toggleTab', () => {
        const active = page.toggleForTab();
        if (!active) popover.close();
        return active;
      });
    }

    // When the extension is reloaded or updated, this copy is orphaned. Chrome does not tell an orphan;
    // ctx notices when it next checks the runtime, which this cheap interval makes it do.
    ctx.setInterval(() => {}, 2000);
    // Orphaned: leave the page as we found it.
    ctx.onInvalidated(() => {
      for (const cleanup of [unwatch, removeAllListeners, popover.destroy, page.destroy]) {
        try {
          cleanup();
        } catch {
          // The extension's APIs are gone in an orphaned script; the page must not see an error.
        }
      }
    });
  },
});
