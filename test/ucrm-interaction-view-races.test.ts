import { expect, html } from '@open-wc/testing';
import { activeInteraction, clearActiveInteraction, setActiveInteraction } from '../src/state/interaction-store.js';
import { bound, gated, localScreenPop, until } from './support/screen-pop-fixtures.js';
import { card, cardText, mountView, named, part, settled, text } from './support/view-harness.js';

describe('<ucrm-interaction-view> concurrency', () => {
  afterEach(() => clearActiveInteraction());

  it('stale-response race: the view always shows the latest interaction', async () => {
    const { source } = localScreenPop();
    const { source: slow, calls } = gated(source, 'resolve');
    const { el, events } = await mountView(html`<ucrm-interaction-view .source=${slow}></ucrm-interaction-view>`);
    expect(el.state).to.equal('idle');

    el.contactId = 'uy';
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(el.getAttribute('state')).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[part=skeleton]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    el.contactId = 'emily';
    await el.updateComplete;
    expect(calls).to.have.length(2);
    expect(calls[0].signal!.aborted, 'the first request is aborted').to.equal(true);
    expect(calls[1].signal!.aborted).to.equal(false);

    calls[1].release();
    await settled(el);
    expect(el.contact?.id).to.equal('emily');
    // The first (stale) answer arrives last: nothing changes.
    calls[0].release();
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    expect(el.contact?.id).to.equal('emily');
    expect(cardText(el)).to.contain('Emily');
    const resolved = named(events, 'ucrm-resolved').filter((e) => e.detail.state !== 'idle');
    expect(resolved.map((e) => e.detail.contact.id)).to.deep.equal(['emily']);
  });

  it('while a new interaction loads, nothing of the previous one is shown or exposed', async () => {
    const { source } = localScreenPop();
    const { source: slow, calls } = gated(source, 'resolve');
    const mounted = mountView(html`<ucrm-interaction-view client-id="+59899555123" .source=${slow}></ucrm-interaction-view>`);
    await until(() => calls.length === 1, 'the first lookup');
    calls[0].release();
    const { el } = await mounted;
    expect(el.contact?.id).to.equal('uy');
    el.channel = 'email';
    el.clientId = 'emily@example.com';
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(el.contact).to.equal(undefined);
    expect(text(part(el, 'client-id'))).to.equal('emily@example.com');
    expect(card(el)).to.equal(null);
    calls[1].release();
    await settled(el);
    expect(el.contact?.id).to.equal('emily');
  });

  it('50 rapid context changes end showing the last one, whatever order the answers arrive in', async () => {
    const { source, contacts } = localScreenPop();
    const { source: slow, calls } = gated(source, 'resolve');
    const { el, events } = await mountView(html`<ucrm-interaction-view .source=${slow}></ucrm-interaction-view>`);
    for (let i = 0; i < 50; i++) {
      el.contactId = contacts[i % contacts.length].id;
      await el.updateComplete;
    }
    expect(calls).to.have.length(50);
    expect(calls.slice(0, 49).every((call) => call.signal!.aborted), 'every older request aborted').to.equal(true);
    expect(calls[49].signal!.aborted).to.equal(false);
    // Answers arrive newest first, then all the stale ones.
    for (const call of [...calls].reverse()) call.release();
    await settled(el);
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    const last = contacts[49 % contacts.length];
    expect(el.contact?.id).to.equal(last.id);
    expect(cardText(el)).to.contain(last.firstName);
    const resolved = named(events, 'ucrm-resolved').filter((e) => e.detail.state !== 'idle');
    expect(resolved).to.have.length(1);
    expect(resolved[0].detail.context.contactId).to.equal(last.id);
  });

  it('a new context aborts the signal passed to the source (composed resolution too)', async () => {
    const { source } = localScreenPop();
    // No resolve(): the view composes it from getContact / findByIdentity / listSections.
    const composed = bound(source);
    delete (composed as { resolve?: unknown }).resolve;
    const { source: slow, calls } = gated(composed, 'findByIdentity');
    const { el } = await mountView(html`<ucrm-interaction-view .source=${slow}></ucrm-interaction-view>`);
    el.clientId = '+59899555123';
    await until(() => calls.length === 1, 'the identity lookup');
    el.clientId = '+59899123456';
    await el.updateComplete;
    expect(calls[0].signal!.aborted).to.equal(true);
    await until(() => calls.length === 2, 'the second lookup');
    calls[1].release();
    await settled(el);
    expect(el.state).to.equal('candidates');
    calls[0].release();
  });
});

describe('<ucrm-interaction-view> and the activeInteraction store', () => {
  afterEach(() => clearActiveInteraction());

  it('follows the store when it has no context of its own', async () => {
    const { source } = localScreenPop();
    const { el } = await mountView(html`<ucrm-interaction-view .source=${source}></ucrm-interaction-view>`);
    expect(el.state).to.equal('idle');
    setActiveInteraction({ channel: 'email', clientId: 'emily@example.com' });
    await settled(el);
    expect(el.contact?.id).to.equal('emily');
    activeInteraction.set({ channel: 'phone', contactId: 'uy' });
    await settled(el);
    expect(el.contact?.id).to.equal('uy');
    clearActiveInteraction();
    await settled(el);
    expect(el.state).to.equal('idle');
  });

  it('its own attributes win over the store, unless follow-store is set', async () => {
    const { source } = localScreenPop();
    setActiveInteraction({ channel: 'phone', contactId: 'uy' });
    const { el } = await mountView(
      html`<ucrm-interaction-view contact-id="emily" .source=${source}></ucrm-interaction-view>`,
    );
    expect(el.contact?.id).to.equal('emily');
    el.followStore = true;
    await settled(el);
    expect(el.contact?.id).to.equal('uy');
  });
});
