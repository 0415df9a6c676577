/**
 * The receiving agent answers a transfer on the REST source (issue 21): two
 * agents of this file's own at the reference server (`desk()`: each a signed
 * token), Bruno transferring to Ana, whose `<ucrm-inbox>` hears the offer on
 * its event stream (or finds it in its first list) and answers it through
 * `POST /interactions/{id}/transfer/answer`; the server agrees.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define/ucrm-inbox.js';
import type { UcrmInbox } from '../src/components/ucrm-inbox/ucrm-inbox.js';
import type { Campaign } from '../src/core/types.js';
import { freshPhone, server } from './support/rest-server.js';
import { desk, driver, source, stopWatching, type Desk } from './support/rest-workspace.js';
import { waitUntil } from './support/wait.js';
import { shadowOf, text } from './support/workspace-harness.js';

const SALES: Campaign = { id: 'sales', name: 'Sales', channels: ['phone', 'whatsapp', 'email', 'webchat'], outboundChannels: [] };

/** A WhatsApp chat of Sales (manual: nobody else takes it) that Bruno takes and transfers to Ana. */
async function transferred(bruno: Desk, ana: Desk): Promise<string> {
  const chat = await driver('/inbound', { channel: 'whatsapp', campaign: 'sales', clientId: freshPhone(), text: 'Hola' });
  await bruno.interactions.take(chat.id);
  const sent = await bruno.interactions.transfer(chat.id, { to: { agentId: ana.id }, mode: 'blind' });
  expect(sent.transfer?.target).to.deep.equal({ agentId: ana.id });
  return chat.id;
}

async function inbox(ana: Desk) {
  const el = await fixture<UcrmInbox>(html`<ucrm-inbox agent-id=${ana.id} .interactions=${ana.interactions} .campaigns=${[SALES]}></ucrm-inbox>`);
  await waitUntil(() => shadowOf(el).querySelector('[part~="empty"], [part~="list"]'), 'the lists');
  return el;
}

const offer = (el: UcrmInbox, id: string) => shadowOf(el).querySelector<HTMLElement>(`[part~="offer"][data-id="${id}"]`);
const button = (el: UcrmInbox, id: string, part: string) => offer(el, id)?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;

describe('<ucrm-inbox> transfers offered on the REST source (reference server)', function () {
  this.timeout(120_000);

  before(async () => {
    await server();
    await import('../src/data/interactions/rest-interaction-client.js');
  });
  afterEach(stopWatching);

  it('the offer arrives on the stream; Accept makes it the agent’s and the server agrees', async () => {
    const ana = await desk('Ana');
    const bruno = await desk('Bruno');
    const el = await inbox(ana);
    const id = await transferred(bruno, ana);
    await waitUntil(() => button(el, id, 'accept-button'), 'the offer on the stream');
    expect(text(offer(el, id)!.querySelector('[part~="offer-summary"]'))).to.match(new RegExp(`^${bruno.name} is transferring .+ to you \\(WhatsApp, Sales\\)\\.$`));
    expect(text(offer(el, id)!.querySelector('[part~="offer-deadline"]'))).to.contain(`Returns to ${bruno.name} in`);
    await expect(el).to.be.accessible();
    const answered = oneEvent(el, 'ucrm-transfer-answered');
    button(el, id, 'accept-button')!.click();
    expect((await answered).detail.interaction).to.include({ id, assignee: ana.id, status: 'active' });
    await waitUntil(() => !offer(el, id) && shadowOf(el).querySelector(`[role="row"][data-id="${id}"]`), 'in Active');
    expect(el.tab).to.equal('active');
    const stored = await source({ token: () => bruno.token }).get(id);
    expect(stored).to.include({ assignee: ana.id });
    expect(stored!.lastTransfer?.outcome).to.equal('completed');
  });

  it('an offer made before the inbox loads is listed; Decline sends it back to the sender', async () => {
    const ana = await desk('Ana');
    const bruno = await desk('Bruno');
    const id = await transferred(bruno, ana);
    const el = await inbox(ana);
    await waitUntil(() => button(el, id, 'decline-button'), 'the offer in the first list');
    const answered = oneEvent(el, 'ucrm-transfer-answered');
    button(el, id, 'decline-button')!.click();
    expect((await answered).detail.interaction).to.include({ id, assignee: bruno.id });
    await waitUntil(() => !offer(el, id), 'the offer gone');
    const back = await bruno.interactions.get(id);
    expect(back).to.include({ assignee: bruno.id, status: 'active' });
    expect(back!.lastTransfer?.outcome).to.equal('declined');
    // Another answer now: nothing waits any more.
    const late = await ana.interactions.answerTransfer(id, 'accept').then(
      () => undefined,
      (error: { code?: string }) => error.code,
    );
    expect(late).to.equal('conflict');
  });
});
