// Where Chromium lives on this machine: CHROME_PATH when set, else Debian's package.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

/** @returns {string | undefined} */
export function findChromium() {
  return candidates.find((path) => existsSync(path));
}

/** The flags Chromium needs on these machines (root, no GPU, no network but loopback). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
