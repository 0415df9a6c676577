/**
 * The emoji picker works with no network beyond the host: with no
 * `emoji-data`, its data is the kit's own copy for the element's language,
 * requested from the page's origin (never a CDN).
 */
import { expect } from '@open-wc/testing';
import { AGENT, conversation, q, simulator, takenWhatsApp, until } from './support/conversation-harness.js';
import { conversationDrafts } from '../src/state/conversation-drafts.js';

/** What the page fetched over HTTP since the last clear. */
const requested = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith('http'));

describe('<ucrm-conversation> emoji data', function () {
  this.timeout(60000);
  beforeEach(() => {
    localStorage.clear();
    conversationDrafts(AGENT).set({});
    performance.clearResourceTimings();
  });

  for (const [lang, file] of [
    ['en', '/emoji-picker-element-data/en/emojibase/data.json'],
    ['es', '/emoji-picker-element-data/es/cldr/data.json'],
  ] as const) {
    it(`loads the kit's own ${lang} data from the page's origin`, async () => {
      const { sim, clock } = simulator();
      const inbound = await takenWhatsApp(sim);
      const el = await conversation(sim, inbound.id, clock, lang);
      expect(el.emojiData).to.equal(undefined);
      q<HTMLButtonElement>(el, '[part~="emoji-button"]')!.click();
      const emojiButton = () => q(el, 'emoji-picker')?.shadowRoot?.querySelector<HTMLButtonElement>('button.emoji[id^="emo-"]');
      await until(emojiButton, 'the picker with its emoji');

      const data = requested().filter((url) => url.includes('/emoji-picker-element-data/'));
      expect(data.length, 'the data was requested').to.be.greaterThan(0);
      for (const url of data) expect(new URL(url).pathname).to.match(new RegExp(`${file.replace(/[.]/g, '\\.')}$`));
      const elsewhere = requested().filter((url) => new URL(url).origin !== location.origin);
      expect(elsewhere, 'requests that left the origin').to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
