import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { customElement } from 'lit/decorators.js';
import { html as litHtml } from 'lit';
import { UcrmElement } from '../src/components/shared/ucrm-element.js';
import { defineElement } from '../src/components/shared/define-element.js';
import { CrmError } from '../src/core/errors.js';
import { defineStrings } from '../src/i18n/localize.js';
import { collectingWarnings } from './support/console.js';

const greeting = defineStrings({
  en: { hello: 'Hello', count: (n: number) => `${n} contacts` },
  es: { hello: 'Hola', count: (n: number) => `${n} contactos` },
  pt: { hello: 'Olá', count: (n: number) => `${n} contatos` },
});

/** A minimal element exercising the base class through its public behaviour. */
@customElement('test-base-element')
class TestBaseElement extends UcrmElement {
  fail(retry?: () => void) {
    this.reportError('load', new CrmError('unavailable', 'Server down'), retry);
  }
  override render() {
    const s = this.strings(greeting);
    return litHtml`<p>${s.hello}</p><p>${s.count(3)}</p>${this.renderProblem()}`;
  }
}

describe('UcrmElement (base)', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('renders English by default and is accessible', async () => {
    const el = await fixture<TestBaseElement>(html`<test-base-element></test-base-element>`);
    expect(el.shadowRoot!.textContent).to.contain('Hello');
    expect(el.locale).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('follows lang on the element, an ancestor, and <html>, live', async () => {
    const wrapper = await fixture(html`<div lang="pt-BR"><test-base-element></test-base-element></div>`);
    const el = wrapper.querySelector('test-base-element') as TestBaseElement;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Olá');
    expect(el.shadowRoot!.textContent).to.contain('3 contatos');

    el.setAttribute('lang', 'es');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Hola');

    const alone = await fixture<TestBaseElement>(html`<test-base-element></test-base-element>`);
    document.documentElement.lang = 'es-MX';
    await new Promise((r) => setTimeout(r));
    await alone.updateComplete;
    expect(alone.locale).to.equal('es');
  });

  it('falls back to English for a language it does not ship', async () => {
    const el = await fixture<TestBaseElement>(html`<test-base-element lang="fr"></test-base-element>`);
    expect(el.locale).to.equal('en');
  });

  it('reports an error: visible message, ucrm-error event, working Retry, accessible', async () => {
    const el = await fixture<TestBaseElement>(html`<test-base-element></test-base-element>`);
    let retried = 0;
    setTimeout(() => el.fail(() => retried++));
    const event = await oneEvent(el, 'ucrm-error');
    expect(event.detail).to.deep.equal({ operation: 'load', code: 'unavailable', message: 'Server down' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('Server down');
    await expect(el).to.be.accessible();
    (alert.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(retried).to.equal(1);
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('warns instead of throwing when a tag is defined twice', async () => {
    const warnings = await collectingWarnings(async (warnings) => {
      class Other extends HTMLElement {}
      defineElement('test-base-element', Other);
      defineElement('test-base-element', TestBaseElement);
      return warnings;
    });
    expect(customElements.get('test-base-element')).to.equal(TestBaseElement);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<test-base-element> is already defined');
  });
});
