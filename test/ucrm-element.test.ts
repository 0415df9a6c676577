import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { customElement } from 'lit/decorators.js';
import { html as litHtml } from 'lit';
import { UcrmElement } from '../src/components/shared/ucrm-element.js';
import { defineElement } from '../src/components/shared/define-element.js';
import { CRM_ERROR_CODES, CrmError } from '../src/core/errors.js';
import { forAgents } from '../src/components/shared/agent-message.js';
import { defineStrings, resetTranslations, translationTiming } from '../src/i18n/localize.js';
import { collectingWarnings } from './support/console.js';

/** What the translation loaders were asked for; `failNextSpanish` makes the next Spanish load fail once. */
const loads: string[] = [];
let failNextSpanish = false;

const greeting = defineStrings(
  { hello: 'Hello', count: (n: number) => `${n} contacts` },
  {
    es: async () => {
      loads.push('es');
      if (failNextSpanish) {
        failNextSpanish = false;
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      return { default: { hello: 'Hola', count: (n: number) => `${n} contactos` } };
    },
    pt: async () => {
      loads.push('pt');
      return { default: { hello: 'Olá', count: (n: number) => `${n} contatos` } };
    },
  },
);

/** A minimal element exercising the base class through its public behaviour; it records the text of every render. */
@customElement('test-base-element')
class TestBaseElement extends UcrmElement {
  static override catalogs = [greeting];
  renders: string[] = [];
  fail(retry?: () => void, error: unknown = new CrmError('unavailable', 'Server down')) {
    this.reportError('load', error, retry);
  }
  override render() {
    const s = this.strings(greeting);
    return litHtml`<p>${s.hello}</p><p>${s.count(3)}</p>${this.renderProblem()}`;
  }
  override updated() {
    this.renders.push(this.shadowRoot!.textContent ?? '');
  }
}

/** Spanish strings that arrive only when the test opens the gate. */
let openGate: () => void = () => {};
const gated = defineStrings(
  { hello: 'Hello' },
  {
    es: () =>
      new Promise((resolve) => {
        openGate = () => resolve({ default: { hello: 'Hola' } });
      }),
    pt: async () => ({ default: { hello: 'Olá' } }),
  },
);

@customElement('test-gated-element')
class TestGatedElement extends UcrmElement {
  static override catalogs = [gated];
  override render() {
    return litHtml`<p>${this.strings(gated).hello}</p>`;
  }
}

/** The same, without declaring its catalog: it must still end up translated. */
@customElement('test-undeclared-element')
class TestUndeclaredElement extends UcrmElement {
  override render() {
    return litHtml`<p>${this.strings(greeting).hello}</p>`;
  }
}

describe('UcrmElement (base)', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));
  beforeEach(() => {
    resetTranslations();
    loads.length = 0;
  });

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

  it('loads only the language it shows, before its first render: no English first', async () => {
    const el = await fixture<TestBaseElement>(html`<test-base-element lang="pt"></test-base-element>`);
    expect(el.renders).to.deep.equal(['Olá3 contatos']);
    expect(loads).to.deep.equal(['pt']);

    const english = await fixture<TestBaseElement>(html`<test-base-element></test-base-element>`);
    expect(english.renders).to.deep.equal(['Hello3 contacts']);
    expect(loads).to.deep.equal(['pt']);
  });

  it('loads a translation once however many elements show it', async () => {
    await fixture(html`<div lang="es"><test-base-element></test-base-element><test-base-element></test-base-element></div>`);
    await fixture<TestBaseElement>(html`<test-base-element lang="es"></test-base-element>`);
    expect(loads).to.deep.equal(['es']);
  });

  it('shows English when a translation cannot load, says why once, and fetches it again later without holding renders', async () => {
    failNextSpanish = true;
    let el!: TestBaseElement;
    const warnings = await collectingWarnings(async (warnings) => {
      el = await fixture<TestBaseElement>(html`<test-base-element lang="es"></test-base-element>`);
      return warnings;
    });
    expect(el.shadowRoot!.textContent).to.contain('Hello');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('es strings could not be loaded');
    await expect(el).to.be.accessible();

    // Right after the failure: no new fetch, and the update is not held.
    el.requestUpdate();
    await el.updateComplete;
    expect(loads).to.deep.equal(['es']);
    expect(el.shadowRoot!.textContent).to.contain('Hello');

    const retryAfter = translationTiming.retryAfterMs;
    translationTiming.retryAfterMs = 0;
    try {
      el.requestUpdate();
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Hola'), 'the Spanish text never arrived');
    } finally {
      translationTiming.retryAfterMs = retryAfter;
    }
    expect(loads).to.deep.equal(['es', 'es']);
  });

  it('renders English when a translation is slow, then the translation when it arrives', async () => {
    const maxWait = translationTiming.maxWaitMs;
    translationTiming.maxWaitMs = 50;
    try {
      const el = await fixture<TestGatedElement>(html`<test-gated-element lang="es"></test-gated-element>`);
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Hello'), 'nothing was rendered while the translation stalled');
      openGate();
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Hola'), 'the Spanish text never arrived');
    } finally {
      translationTiming.maxWaitMs = maxWait;
    }
  });

  it('re-renders an element whose catalog was not declared once the translation arrives', async () => {
    const el = await fixture<TestUndeclaredElement>(html`<test-undeclared-element lang="es"></test-undeclared-element>`);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Hola'), 'the Spanish text never arrived');
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
    expect(alert.textContent).to.contain('The CRM did not answer. Check your connection and try again.');
    expect(alert.textContent, 'technical text only in the event').to.not.contain('Server down');
    await expect(el).to.be.accessible();
    (alert.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(retried).to.equal(1);
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('agents read what happened and what to do, by code, in en/es/pt; the technical text goes to the event and the console', async () => {
    const technical = 'GET http://crm.test/contacts?x=1 failed: the CRM server answered 503.';
    const shown: Record<string, string[]> = {};
    await collectingWarnings(async (warnings) => {
      for (const lang of ['en', 'es', 'pt']) {
        const el = await fixture<TestBaseElement>(html`<test-base-element lang=${lang}></test-base-element>`);
        for (const code of CRM_ERROR_CODES.filter((c) => c !== 'aborted')) {
          const event = new Promise<CustomEvent>((resolve) => el.addEventListener('ucrm-error', resolve, { once: true }));
          el.fail(undefined, new CrmError(code, technical));
          expect((await event).detail).to.deep.equal({ operation: 'load', code, message: technical });
          await el.updateComplete;
          const text = el.shadowRoot!.querySelector('[role=alert] p')!.textContent!;
          expect(text, `${lang} ${code}`).to.not.contain('503').and.not.contain('http').and.not.contain(code);
          (shown[lang] ??= []).push(text);
        }
      }
      expect(warnings.every((w) => w.includes(technical)), 'the console keeps the detail').to.equal(true);
    });
    expect(shown.en).to.include('The CRM did not answer. Check your connection and try again.');
    expect(shown.es).to.include('El CRM no respondió. Revisa tu conexión e inténtalo de nuevo.');
    expect(shown.pt).to.include('O CRM não respondeu. Verifique sua conexão e tente de novo.');
    for (const lang of ['en', 'es', 'pt']) expect(new Set(shown[lang]).size, `${lang}: one message per code`).to.equal(6);

    // A message an element wrote for the agent is shown as it is.
    const el = await fixture<TestBaseElement>(html`<test-base-element></test-base-element>`);
    await collectingWarnings(async () => {
      el.fail(undefined, forAgents(new CrmError('not-found', 'This contact was deleted.')));
      await el.updateComplete;
    });
    expect(el.shadowRoot!.querySelector('[role=alert] p')!.textContent).to.equal('This contact was deleted.');
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
