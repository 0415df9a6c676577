// The built bundles on a plain-http intranet page: http://crm.intranet.test
// (mapped to 127.0.0.1 in Chromium) is not a secure context, so
// crypto.randomUUID is missing there, as on many contact-center desktops.
// Every element mounts, a screen pop resolves and a contact is created, with
// the chunked bundle and with the single-file one (which must fetch no other
// script); and the README's plain-HTML snippet, taken from README.md as it
// is, pops a demo contact. Run after `npm run build`: node --test test/embed/
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium-path.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const HOST = 'crm.intranet.test';
const WAIT = 30_000;
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json', '.css': 'text/css' };

/** Every element the package registers: a component folder with a registration file. */
const TAGS = readdirSync(join(ROOT, 'src/components'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'src/define', `${entry.name}.ts`)))
  .map((entry) => entry.name);

/** The first ```html block of the README's "Embed it" section, pointed at the built bundle. */
function readmeSnippet() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embed it'));
  const block = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, 'README.md has an html block in "Embed it"');
  assert.match(block, /node_modules\/ucrm-widgets\/dist\/ucrm-widgets\.js/, 'the snippet loads the bundle');
  return block.replace('/node_modules/ucrm-widgets/dist/', '/dist/');
}

/** A page with every element inside a demo-data provider, a known caller and an unknown one (auto-create). */
const everyElementPage = (bundle) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet CRM</title>
<script type="module" src="/dist/${bundle}"></script></head>
<body>
  <ucrm-provider demo-data default-region="UY">
    <ucrm-interaction-view id="known" client-id="(099) 555-123" channel="whatsapp" campaign="sales"></ucrm-interaction-view>
    <ucrm-interaction-view id="unknown" client-id="+598 98 765 432" channel="phone" campaign="sales" auto-create></ucrm-interaction-view>
    <div id="all"></div>
  </ucrm-provider>
  <script type="module">
    window.events = [];
    for (const type of ['ucrm-resolved', 'ucrm-contact-created', 'ucrm-error']) {
      document.addEventListener(type, (e) => window.events.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) }));
    }
    for (const tag of ${JSON.stringify(TAGS.filter((tag) => tag !== 'ucrm-provider' && tag !== 'ucrm-interaction-view'))}) {
      document.getElementById('all').append(document.createElement(tag));
    }
  </script>
</body></html>`;

let server;
let origin;
let browser;

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist/ucrm-widgets.js')), 'dist/ucrm-widgets.js: run npm run build first');
  assert.ok(existsSync(join(ROOT, 'dist/ucrm-widgets.single.js')), 'dist/ucrm-widgets.single.js: run npm run build first');
  const pages = {
    '/chunked.html': everyElementPage('ucrm-widgets.js'),
    '/single.html': everyElementPage('ucrm-widgets.single.js'),
    '/readme.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README</title></head><body>${readmeSnippet()}</body></html>`,
  };
  server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (pages[path]) {
      response.writeHead(200, { 'content-type': 'text/html' }).end(pages[path]);
      return;
    }
    const file = normalize(join(ROOT, path));
    if (!path.startsWith('/dist/') || !file.startsWith(join(ROOT, 'dist')) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://${HOST}:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...chromiumArgs, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Opens a page, failing on any uncaught error, and lists the scripts it requested. */
async function open(path) {
  const page = await browser.newPage();
  const errors = [];
  const scripts = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(`${origin}${path}`);
  return { page, errors, scripts };
}

describe('the bundles on a plain-http intranet page', () => {
  for (const bundle of ['chunked', 'single']) {
    it(`${bundle}: every element mounts, a pop resolves and a contact is created without a secure context`, async () => {
      const { page, errors, scripts } = await open(`/${bundle}.html`);
      try {
        assert.equal(await page.evaluate(() => window.isSecureContext), false, 'the page is not a secure context');
        assert.equal(await page.evaluate(() => typeof crypto.randomUUID), 'undefined', 'crypto.randomUUID is missing, as on a real intranet');
        await page.waitForFunction(
          (tags) => tags.every((tag) => customElements.get(tag) && document.querySelector(tag)?.shadowRoot),
          TAGS,
          { timeout: WAIT },
        );
        await page.waitForFunction(() => document.getElementById('known')?.getAttribute('state') === 'contact', null, { timeout: WAIT });
        assert.equal(await page.evaluate(() => document.getElementById('known').contact.lastName), 'González');
        await page.waitForFunction(() => window.events.some((e) => e.type === 'ucrm-contact-created'), null, { timeout: WAIT });
        const created = await page.evaluate(() => window.events.find((e) => e.type === 'ucrm-contact-created').detail.contact);
        assert.match(created.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.deepEqual(created.phones, ['+59898765432']);
        const failures = await page.evaluate(() => window.events.filter((e) => e.type === 'ucrm-error').map((e) => e.detail));
        assert.deepEqual(failures, []);
        assert.deepEqual(errors, []);
        if (bundle === 'single') assert.deepEqual(scripts, ['/dist/ucrm-widgets.single.js'], 'the single-file bundle fetches no other script');
        else assert.ok(scripts.some((path) => path.startsWith('/dist/chunks/')), 'the chunked bundle loads chunks on demand');
      } finally {
        await page.close();
      }
    });
  }

  it("the README's plain-HTML snippet, as written, pops a demo contact", async () => {
    const { page, errors } = await open('/readme.html');
    try {
      await page.waitForFunction(() => document.querySelector('ucrm-interaction-view')?.getAttribute('state') === 'contact', null, { timeout: WAIT });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
