import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/ucrm-contact-history.js';
import '../src/define/ucrm-contact-details.js';
import '../src/define/ucrm-provider.js';
import type { UcrmContactHistory } from '../src/components/ucrm-contact-history/ucrm-contact-history.js';
import { createLocalSource } from '../src/data/local-source.js';
import { makeContact } from './support/screen-pop-fixtures.js';
import { CAMPAIGNS, shadowOf, simulator, text, until } from './support/workspace-harness.js';

const martin = makeContact('Martín', 'González', { id: 'martin', phones: ['+59899555123'] });
const crm = () => createLocalSource({ persist: false, contacts: [martin], campaigns: CAMPAIGNS, defaultRegion: 'UY' });

/** Three interactions linked to Martín a minute apart, one of someone else; the second has a conversation and a disposition. */
async function withHistory() {
  const { sim, clock } = simulator();
  const ids: string[] = [];
  for (const channel of ['whatsapp', 'webchat', 'phone'] as const) {
    const i = (await sim.simulateInbound({ channel, campaign: 'support', clientId: `client-${channel}`, text: channel === 'phone' ? undefined : `Hola por ${channel}` }))!;
    await sim.linkContact(i.id, 'martin');
    ids.push(i.id);
    clock.tick(60_000);
  }
  await sim.simulateInbound({ channel: 'whatsapp', campaign: 'support', clientId: 'someone-else', text: 'Hi' });
  await sim.take(ids[1]!);
  await sim.send(ids[1]!, { text: 'Hello Martín, how can I help?' }, { idempotencyKey: 'k1' });
  await sim.finish(ids[1]!);
  await sim.saveDisposition(ids[1]!, { path: ['solved'] }, { close: true });
  return { sim, ids };
}

const items = (el: Element) => [...shadowOf(el).querySelectorAll<HTMLButtonElement>('[part~="item"]')];

describe('<ucrm-contact-history>', function () {
  this.timeout(40000);

  it("lists the interactions linked to the contact, newest first, paged, and opens one read-only", async () => {
    const { sim, ids } = await withHistory();
    const el = await fixture<UcrmContactHistory>(html`<ucrm-contact-history contact-id="martin" page-size="2" .interactions=${sim} .source=${crm()}></ucrm-contact-history>`);
    await until(() => items(el).length === 2, 'the first page');
    expect(items(el).map((b) => b.dataset.id)).to.deep.equal([ids[2], ids[1]]);
    await until(() => text(items(el)[1]).includes('Support'), 'the campaign name');
    expect(text(items(el)[1])).to.contain('Web chat').and.contain('Support').and.contain('Agent: ana').and.contain('Disposition: solved');
    await expect(el).to.be.accessible();
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="more-button"]')!.click();
    await until(() => items(el).length === 3, 'the older page');
    expect(items(el).map((b) => b.dataset.id)).to.deep.equal([ids[2], ids[1], ids[0]]);

    items(el)[1]!.click();
    await until(() => shadowOf(el).querySelectorAll('[part~="message"]').length === 2, 'the conversation');
    const messages = [...shadowOf(el).querySelectorAll('[part~="message"]')].map((m) => text(m));
    expect(messages[0]).to.contain('Hola por webchat');
    expect(messages[1]).to.contain('Hello Martín').and.contain('Sent');
    expect(shadowOf(el).querySelector('textarea, [contenteditable]')).to.equal(null);
    await expect(el).to.be.accessible();
    shadowOf(el).querySelector<HTMLButtonElement>('[part~="back-button"]')!.click();
    await until(() => items(el).length === 3, 'back to the list');
  });

  it('is mounted on demand by <ucrm-contact-details>', async () => {
    const { sim, ids } = await withHistory();
    const provider = await fixture(html`<ucrm-provider .source=${crm()} .interactions=${sim}>
      <ucrm-contact-details contact-id="martin"></ucrm-contact-details>
    </ucrm-provider>`);
    const details = provider.querySelector('ucrm-contact-details')!;
    await until(() => shadowOf(details).querySelector('ucrm-contact-history')?.shadowRoot?.querySelector('[part~="item"]'), 'the history in the details');
    const history = shadowOf(details).querySelector('ucrm-contact-history')!;
    await until(() => items(history).length === 3, 'three');
    expect(items(history)[0]!.dataset.id).to.equal(ids[2]);
  });

  it('speaks Spanish and Portuguese, and says when there is nothing', async () => {
    const { sim } = simulator();
    for (const [lang, empty] of [['es', 'Todavía no hay interacciones con este contacto.'], ['pt', 'Ainda não há interações com este contato.']] as const) {
      const el = await fixture<UcrmContactHistory>(html`<ucrm-contact-history lang=${lang} contact-id="nobody" .interactions=${sim} .source=${crm()}></ucrm-contact-history>`);
      await until(() => shadowOf(el).querySelector('[part~="empty"]'), 'empty');
      expect(text(shadowOf(el).querySelector('[part~="empty"]'))).to.equal(empty);
      await expect(el).to.be.accessible();
    }
  });
});
