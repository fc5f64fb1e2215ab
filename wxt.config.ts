import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Preact's Vite preset gives JSX and the React-compat aliases Preact needs.
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Termlight',
    description:
      'Highlights medical terms such as ICC, TARE and checkpoint inhibitor on any page and explains each one in the words of a source article.',
    // Only storage: content scripts are declared in the manifest, so no `tabs`, `scripting` or host
    // permission prompt beyond reading the pages the content script runs on.
    permissions: ['storage'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    action: { default_title: 'Termlight glossary', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // The CSS Custom Highlight API, which paints our highlights without touching the page's DOM,
    // arrived in Chrome 105 and Firefox 140.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'termlight@termlight.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
