import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { withoutInnerHtmlAssignments } from './build/without-inner-html';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Preact's Vite preset gives JSX and the React-compat aliases Preact needs; the second plugin is
  // explained in build/without-inner-html.ts.
  vite: () => ({ plugins: [preact(), withoutInnerHtmlAssignments()] }),
  manifest: ({ browser }) => ({
    name: 'Termlight',
    description:
      'Highlights medical terms such as ICC, TARE and checkpoint inhibitor on any page and explains each one in the words of a source article.',
    // Only storage: content scripts are declared in the manifest, so no `tabs`, `scripting` or host
    // permission prompt beyond reading the pages the content script runs on.
    permissions: ['storage'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    action: { default_title: 'Termlight glossary', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Default shortcuts; readers can change them in the browser (chrome://extensions/shortcuts, or
    // Firefox's add-ons manager). Chrome allows at most four suggested keys.
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next glossary term on the page and explain it',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the previous glossary term on the page and explain it',
      },
      'toggle-highlighting': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Turn highlighting off or on in this tab',
      },
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Open the Termlight glossary',
      },
    },
    // The CSS Custom Highlight API, which paints our highlights without touching the page's DOM,
    // arrived in Chrome 105 and Firefox 140.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'termlight@termlight.invalid',
              strict_min_version: '140.0',
              // Firefox declares it collects no data; the key exists since Firefox 140 on desktop.
              data_collection_permissions: { required: ['none'] },
            },
            // ... and since 142 on Android, so Android needs 142 (web-ext lint warns otherwise).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
