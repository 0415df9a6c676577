// Makes sure a Chromium is there before the browser tests start. On a fresh
// Debian machine, as root with apt, it installs Debian's package; otherwise it
// says exactly what to do. (Nothing that downloads a browser build works here.)
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';

const found = findChromium();
if (found) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('No Chromium found: installing Debian\'s chromium package (apt-get install -y chromium)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  if (findChromium()) process.exit(0);
}
console.error(`No Chromium found for the browser tests.
Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  elsewhere:      install Chrome or Chromium and set CHROME_PATH=/path/to/chrome`);
process.exit(1);
