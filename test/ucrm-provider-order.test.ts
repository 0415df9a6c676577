/**
 * `<ucrm-provider>` reaches every element inside it whatever the order in
 * which the page registers the tags and inserts the markup: a child upgraded
 * before its provider asks for a source nobody can give yet, and must still
 * get the provider's once the provider is upgraded. Each case registers
 * fresh tag names (subclasses), so "not defined yet" is real.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { ContactMatcher } from '../src/components/contact-matcher/contact-matcher.js';
import { UcrmProvider } from '../src/components/ucrm-provider/ucrm-provider.js';
import type { UcrmInteractionView } from '../src/components/ucrm-interaction-view/ucrm-interaction-view.js';
import { setDefaultSource } from '../src/data/default-source.js';
import { createLocalSource } from '../src/data/local-source.js';
import '../src/define/ucrm-interaction-view.js';
import { makeContact, screenPopData } from './support/screen-pop-fixtures.js';
import { text } from './support/view-harness.js';

const WAIT = { timeout: 20_000 };

let seq = 0;
/** Fresh tags for one case, and a way to register each when the case says so. */
function freshTags() {
  seq += 1;
  const provider = `order-provider-${seq}`;
  const matcher = `order-matcher-${seq}`;
  return {
    provider,
    matcher,
    defineProvider: () => customElements.define(provider, class extends UcrmProvider {}),
    defineMatcher: () => customElements.define(matcher, class extends ContactMatcher {}),
  };
}

/** A source only the provider has: the default source (empty here) never finds Quartermaine. */
const providedSource = () =>
  createLocalSource({ persist: false, contacts: [makeContact('Zebulon', 'Quartermaine', { id: 'zeb' })] });

const options = (matcher: Element) => [...(matcher.shadowRoot?.querySelectorAll('[role=option]') ?? [])].map((o) => text(o));

async function expectProvidedResult(matcher: Element | null): Promise<void> {
  await waitUntil(() => options(matcher!).some((o) => o.includes('Zebulon Quartermaine')), 'a result from the provider', WAIT);
}

type Step = 'provider' | 'child' | 'insert';
const ORDERS: Step[][] = [
  ['provider', 'child', 'insert'],
  ['provider', 'insert', 'child'],
  ['child', 'provider', 'insert'],
  ['child', 'insert', 'provider'],
  ['insert', 'provider', 'child'],
  ['insert', 'child', 'provider'],
];

describe('<ucrm-provider> whatever the order', () => {
  before(() => setDefaultSource(createLocalSource({ persist: false })));

  for (const order of ORDERS) {
    it(`reaches <contact-matcher> when ${order.map((s) => (s === 'insert' ? 'the markup is inserted' : `the ${s} is defined`)).join(', then ')}`, async () => {
      const tags = freshTags();
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const source = providedSource();
      for (const step of order) {
        if (step === 'provider') tags.defineProvider();
        if (step === 'child') tags.defineMatcher();
        if (step === 'insert') {
          host.innerHTML = `<${tags.provider}><section><${tags.matcher} mode="search" query="Quartermaine"></${tags.matcher}></section></${tags.provider}>`;
          // A host sets the property whether or not the tag is defined yet.
          (host.firstElementChild as UcrmProvider).source = source;
        }
        // Let each step's upgrades and requests run before the next.
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await expectProvidedResult(host.querySelector(tags.matcher));
    });
  }

  it('reaches a child appended inside it later, and one moved into it from outside', async () => {
    const tags = freshTags();
    tags.defineMatcher();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const outside = document.createElement(tags.matcher);
    outside.setAttribute('mode', 'search');
    outside.setAttribute('query', 'Quartermaine');
    host.append(outside);
    const provider = document.createElement(tags.provider) as UcrmProvider;
    provider.source = providedSource();
    host.append(provider);
    tags.defineProvider();
    const later = outside.cloneNode() as Element;
    provider.append(later);
    await expectProvidedResult(later);
    expect(options(outside).some((o) => o.includes('Quartermaine'))).to.equal(false);
    provider.append(outside);
    await expectProvidedResult(outside);
  });

  it('reaches the screen pop, and the matcher its lazy chunk renders, when the provider is defined last', async () => {
    const tags = freshTags();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const data = screenPopData();
    host.innerHTML = `<${tags.provider} default-region="UY"><ucrm-interaction-view client-id="099 123 456"></ucrm-interaction-view></${tags.provider}>`;
    (host.firstElementChild as UcrmProvider).source = createLocalSource({ persist: false, contacts: data.contacts, sections: data.sections });
    const view = host.querySelector<UcrmInteractionView>('ucrm-interaction-view')!;
    await waitUntil(() => view.state !== 'loading', 'the first resolution (on the default source)', WAIT);
    tags.defineProvider();
    // Juan and Lucía share the number in the provider's source: the candidates, in the matcher's lazy chunk.
    await waitUntil(() => view.state === 'candidates', 'the candidates from the provider', WAIT);
    const matcher = view.shadowRoot!.querySelector('contact-matcher')!;
    const listed = () => options(matcher).join(' ');
    await waitUntil(() => listed().includes('Juan Pérez') && listed().includes('Lucía Pérez'), 'both candidates listed', WAIT);
  });
});
