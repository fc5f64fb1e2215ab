// Finds the browsers the tests drive. They come from Debian's packages (nothing here downloads a
// browser), so a missing one fails loudly with the command that installs it instead of skipping.
import { existsSync } from 'node:fs';

const candidates = {
  chromium: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};
const packages = { chromium: 'chromium', firefox: 'firefox-esr' };

function find(kind) {
  const found = candidates[kind].find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      `No ${kind} found (looked in ${candidates[kind].filter(Boolean).join(', ')}). ` +
        `Install it with: sudo apt-get update && sudo apt-get install -y ${packages[kind]}`,
    );
  }
  return found;
}

export const findChromium = () => find('chromium');
export const findFirefox = () => find('firefox');
