import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { UcrmProvider } from '../src/components/ucrm-provider/ucrm-provider.js';
import { createLocalSource } from '../src/data/local-source.js';
import '../src/define/ucrm-provider.js';
import '../src/define/contact-matcher.js';
import { makeContact, screenPopData, until } from './support/screen-pop-fixtures.js';
import { settled, text } from './support/view-harness.js';
import { collectingWarnings } from './support/console.js';

function sourceWith(contacts = screenPopData().contacts) {
  return createLocalSource({ persist: false, contacts, sections: screenPopData().sections });
}

describe('<ucrm-provider>', () => {
  it('gives its source to the elements inside, renders them as they are, and is accessible', async () => {
    const source = sourceWith();
    const provider = await fixture<UcrmProvider>(
      html`<ucrm-provider .source=${source}><p>host content</p><contact-matcher mode="search" query="Emily"></contact-matcher></ucrm-provider>`,
    );
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.querySelector('p')!.textContent).to.equal('host content');
    const matcher = provider.querySelector('contact-matcher')!;
    await until(() => (matcher.shadowRoot!.querySelectorAll('[role=option]').length ?? 0) === 1, 'a result from the provided source');
    expect(text(matcher.shadowRoot!.querySelector('[role=option]'))).to.contain("Emily O'Connor");
    await expect(provider).to.be.accessible();
  });

  it("an element's own source wins over the provider's", async () => {
    const own = sourceWith([makeContact('Only', 'Mine', { id: 'mine' })]);
    const provider = await fixture<UcrmProvider>(
      html`<ucrm-provider .source=${sourceWith()}><contact-matcher mode="search" query="Mine" .source=${own}></contact-matcher></ucrm-provider>`,
    );
    const matcher = provider.querySelector('contact-matcher')!;
    await until(() => matcher.shadowRoot!.querySelectorAll('[role=option]').length === 1, 'a result');
    expect(text(matcher.shadowRoot!.querySelector('[role=option]'))).to.contain('Only Mine');
  });

  it('a new source reaches the elements inside', async () => {
    const provider = await fixture<UcrmProvider>(
      html`<ucrm-provider .source=${sourceWith()}><contact-matcher mode="search" query="Zed"></contact-matcher></ucrm-provider>`,
    );
    const matcher = provider.querySelector('contact-matcher')!;
    await until(() => text(matcher.shadowRoot!.querySelector('[part=status]')).startsWith('No contacts match'), 'no match');
    provider.source = sourceWith([makeContact('Zed', 'Zulu', { id: 'zed' })]);
    await until(() => matcher.shadowRoot!.querySelectorAll('[role=option]').length === 1, 'the new source answering');
  });

  it('gives its default-region to the interaction view', async () => {
    await import('../src/define/ucrm-interaction-view.js');
    const provider = await fixture<UcrmProvider>(
      html`<ucrm-provider default-region="uy" .source=${sourceWith()}
        ><ucrm-interaction-view client-id="099 555 123"></ucrm-interaction-view
      ></ucrm-provider>`,
    );
    const view = provider.querySelector('ucrm-interaction-view')!;
    await settled(view);
    expect(view.contact?.id).to.equal('uy');
    // Without the region the national number means nothing: the view follows the change.
    provider.removeAttribute('default-region');
    await provider.updateComplete;
    await settled(view);
    expect(view.state).to.equal('create');
    expect(view.contact).to.equal(undefined);
  });

  it('reports a malformed default-region and keeps its children working', async () => {
    await collectingWarnings(async (warnings) => {
      const wrapper = await fixture(html`<div></div>`);
      const provider = document.createElement('ucrm-provider');
      provider.setAttribute('default-region', 'Narnia');
      provider.innerHTML = '<p>still here</p>';
      setTimeout(() => wrapper.append(provider));
      const event = await oneEvent(wrapper, 'ucrm-error');
      expect(event.detail).to.include({ operation: 'attribute:default-region', code: 'invalid' });
      await provider.updateComplete;
      expect(text(provider.shadowRoot!.querySelector('[role=alert]'))).to.contain('default-region="Narnia"');
      expect(provider.querySelector('p')!.textContent).to.equal('still here');
      expect(warnings).to.have.length(1);
      await expect(provider).to.be.accessible();
    });
  });

  it('explains a malformed default-region in the page language', async () => {
    await collectingWarnings(async () => {
      const provider = await fixture<UcrmProvider>(html`<ucrm-provider lang="es" default-region="Narnia"></ucrm-provider>`);
      const alert = text(provider.shadowRoot!.querySelector('[role=alert]'));
      expect(alert).to.contain('código de país ISO 3166');
      provider.setAttribute('default-region', 'br');
      await provider.updateComplete;
      expect(provider.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    });
  });

  it('takes api-base without fetching anything until an element uses it', async () => {
    const provider = await fixture<UcrmProvider>(html`<ucrm-provider api-base="https://crm.example.com/api"></ucrm-provider>`);
    expect(provider.apiBase).to.equal('https://crm.example.com/api');
    expect(provider.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });
});
