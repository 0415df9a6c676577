import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactMatcher } from '../src/components/contact-matcher/contact-matcher.js';
import { CrmError } from '../src/core/errors.js';
import { createLocalSource } from '../src/data/local-source.js';
import type { Candidate, SearchOptions, SearchResult } from '../src/data/source.js';
import '../src/define/contact-matcher.js';
import { deferred, makeContact, phone, screenPopData, searchSource, until } from './support/screen-pop-fixtures.js';
import { collectingWarnings, quietly } from './support/console.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const options = (el: HTMLElement) => [...root(el).querySelectorAll('[role=option]')] as HTMLElement[];
const optionTexts = (el: HTMLElement) => options(el).map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
const statusText = (el: HTMLElement) => root(el).querySelector('[part=status]')!.textContent!.trim();
const input = (el: HTMLElement) => root(el).querySelector('input') as HTMLInputElement;
const activeOption = (el: HTMLElement) => {
  const owner = root(el).querySelector('[aria-activedescendant]');
  const id = owner?.getAttribute('aria-activedescendant');
  return id ? root(el).getElementById(id) : null;
};

async function typeQuery(el: ContactMatcher, text: string) {
  const box = input(el);
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function candidates(): Candidate[] {
  const { juan, lucia, ana } = screenPopData();
  return [
    { contact: juan, reason: { identity: phone('+59899123456'), rule: 'exact' } },
    { contact: lucia, reason: { identity: phone('+59899123456'), rule: 'exact' } },
    { contact: ana, reason: { identity: phone('+5511987654321'), rule: 'br-ninth-digit' } },
  ];
}

describe('<contact-matcher> candidates', () => {
  it('lists each candidate with why it matched, marks blocked ones, and is accessible', async () => {
    const el = await fixture<ContactMatcher>(html`<contact-matcher .candidates=${candidates()}></contact-matcher>`);
    const texts = optionTexts(el);
    expect(texts).to.have.length(4);
    expect(texts[3], 'the list ends with the create option').to.equal('None of these — create a new contact');
    expect(texts[0]).to.contain('Juan Pérez').and.contain('matched +598 99 123 456');
    expect(texts[1]).to.contain('Lucía Pérez').and.contain('Blocked');
    expect(texts[2]).to.contain('Ana Magalhães').and.contain('matched +55 11 98765 4321 with the 9th digit');
    expect(root(el).querySelector('[role=listbox]')!.getAttribute('aria-label')).to.equal('Matching contacts');
    await expect(el).to.be.accessible();
  });

  it('scrolls the list past --ucrm-contact-matcher-max-height (the unprefixed name of earlier versions still works)', async () => {
    const listbox = (el: ContactMatcher) => root(el).querySelector<HTMLElement>('[part="listbox"]')!;
    const themed = await fixture<ContactMatcher>(html`<contact-matcher style="--ucrm-contact-matcher-max-height: 7rem" .candidates=${candidates()}></contact-matcher>`);
    expect(getComputedStyle(listbox(themed)).maxHeight).to.equal('112px');
    const legacy = await fixture<ContactMatcher>(html`<contact-matcher style="--contact-matcher-max-height: 5rem" .candidates=${candidates()}></contact-matcher>`);
    expect(getComputedStyle(listbox(legacy)).maxHeight).to.equal('80px');
  });

  it('accepts plain contacts and says so when there are none', async () => {
    const { martin } = screenPopData();
    const el = await fixture<ContactMatcher>(html`<contact-matcher .candidates=${[martin]}></contact-matcher>`);
    expect(optionTexts(el)[0]).to.contain('Martín González').and.contain('+598 99 555 123');
    el.candidates = [];
    await el.updateComplete;
    expect(options(el)).to.have.length(0);
    expect(statusText(el)).to.equal('No contacts match.');
    await expect(el).to.be.accessible();
  });

  it('is keyboard usable: Tab to the list, arrows move, Enter picks with the reason', async () => {
    const list = candidates();
    const wrapper = await fixture(html`<div><button>before</button><contact-matcher .candidates=${list}></contact-matcher></div>`);
    const el = wrapper.querySelector('contact-matcher') as ContactMatcher;
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(activeOption(el)!.textContent).to.contain('Juan');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeOption(el)!.textContent).to.contain('Ana');
    expect(activeOption(el)!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeOption(el)!.textContent, 'then the create option').to.contain('None of these');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeOption(el)!.textContent, 'stays on the last').to.contain('None of these');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(activeOption(el)!.textContent).to.contain('Juan');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowUp' });
    const picked = oneEvent(el, 'ucrm-contact-selected');
    await sendKeys({ press: 'Enter' });
    const event = await picked;
    expect(event.detail.contact.id).to.equal('ana');
    expect(event.detail.reason).to.deep.equal({ identity: phone('+5511987654321'), rule: 'br-ninth-digit' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('"None of these — create a new contact": keyboard and click fire ucrm-matcher-create; no-create hides it', async () => {
    const el = await fixture<ContactMatcher>(html`<contact-matcher .candidates=${candidates()}></contact-matcher>`);
    el.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(activeOption(el)!.getAttribute('part')).to.contain('option-create');
    await expect(el).to.be.accessible();
    const created = oneEvent(el, 'ucrm-matcher-create');
    let selected = 0;
    el.addEventListener('ucrm-contact-selected', () => selected++);
    await sendKeys({ press: 'Enter' });
    const event = await created;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(selected, 'no contact picked').to.equal(0);
    setTimeout(() => options(el)[3].click());
    await oneEvent(el, 'ucrm-matcher-create');

    el.noCreate = true;
    await el.updateComplete;
    expect(optionTexts(el)).to.have.length(3);
    el.noCreate = false;
    el.setAttribute('lang', 'es');
    await until(() => optionTexts(el)[3] === 'Ninguno de estos: crear un contacto nuevo', 'Spanish');
    el.setAttribute('lang', 'pt');
    await until(() => optionTexts(el)[3] === 'Nenhum destes: criar um contato novo', 'Portuguese');
  });

  it('picks on click', async () => {
    const el = await fixture<ContactMatcher>(html`<contact-matcher .candidates=${candidates()}></contact-matcher>`);
    setTimeout(() => options(el)[1].click());
    const event = await oneEvent(el, 'ucrm-contact-selected');
    expect(event.detail.contact.id).to.equal('lucia');
  });

  it('Escape fires a cancelable ucrm-matcher-dismiss', async () => {
    const el = await fixture<ContactMatcher>(html`<contact-matcher .candidates=${candidates()}></contact-matcher>`);
    el.focus();
    const dismissed = oneEvent(el, 'ucrm-matcher-dismiss');
    await sendKeys({ press: 'Escape' });
    const event = await dismissed;
    expect(event.cancelable).to.equal(true);
  });

  it('renders contact data holding markup as text', async () => {
    const evil = makeContact('<img src=x onerror="window.__pwned=1">', '<b>Bold</b>', { phones: ['+59899555000'] });
    const el = await fixture<ContactMatcher>(html`<contact-matcher .candidates=${[evil]}></contact-matcher>`);
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('b')).to.equal(null);
    expect(optionTexts(el)[0]).to.contain('<img src=x onerror="window.__pwned=1"> <b>Bold</b>');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('reports an unknown mode and keeps working as a candidate list', async () => {
    await collectingWarnings(async (warnings) => {
      const el = await fixture<ContactMatcher>(html`<contact-matcher mode="grid" .candidates=${candidates()}></contact-matcher>`);
      expect(el.mode).to.equal('candidates');
      expect(root(el).querySelector('[role=alert]')!.textContent).to.contain('mode="grid"');
      expect(options(el)).to.have.length(4);
      expect(warnings).to.have.length(1);
    });
  });

  it('speaks Spanish and Portuguese', async () => {
    const el = await fixture<ContactMatcher>(html`<contact-matcher lang="es" .candidates=${candidates()}></contact-matcher>`);
    expect(optionTexts(el)[1]).to.contain('Bloqueado');
    expect(optionTexts(el)[2]).to.contain('con el 9.º dígito');
    el.setAttribute('lang', 'pt');
    await until(() => optionTexts(el)[2].includes('com o 9º dígito'), 'Portuguese');
  });
});

describe('<contact-matcher> search', () => {
  it('searches the source as the agent types and announces the count', async () => {
    const { contacts } = screenPopData();
    const source = createLocalSource({ persist: false, contacts });
    const el = await fixture<ContactMatcher>(html`<contact-matcher mode="search" .source=${source}></contact-matcher>`);
    expect(statusText(el)).to.contain('Type a name');
    await expect(el).to.be.accessible();
    await typeQuery(el, 'perez');
    await until(() => options(el).length === 2, 'two results');
    expect(statusText(el)).to.equal('2 contacts match');
    expect(root(el).querySelector('[part=status]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();

    await typeQuery(el, 'zzzzqqq');
    await until(() => statusText(el).startsWith('No contacts match'), 'no results');
    expect(statusText(el)).to.equal('No contacts match “zzzzqqq”.');
    expect(options(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('keyboard: type, ArrowDown, Enter picks; Escape clears the query', async () => {
    const { contacts } = screenPopData();
    const source = createLocalSource({ persist: false, contacts });
    const el = await fixture<ContactMatcher>(html`<contact-matcher mode="search" .source=${source}></contact-matcher>`);
    el.focus();
    await sendKeys({ type: 'Martín' });
    await until(() => options(el).length === 1, 'one result');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(activeOption(el)!.id);
    const picked = oneEvent(el, 'ucrm-contact-selected');
    await sendKeys({ press: 'Enter' });
    expect((await picked).detail.contact.id).to.equal('uy');

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.query).to.equal('');
    expect(input(el).value).to.equal('');
    expect(options(el)).to.have.length(0);
  });

  it('a cancelled dismiss keeps the query', async () => {
    const { contacts } = screenPopData();
    const source = createLocalSource({ persist: false, contacts });
    const el = await fixture<ContactMatcher>(html`<contact-matcher mode="search" query="ana" .source=${source}></contact-matcher>`);
    el.addEventListener('ucrm-matcher-dismiss', (e) => e.preventDefault());
    el.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('ana');
  });

  it('aborts the stale request on each keystroke: a slow first answer never shows', async () => {
    const { juan, martin } = screenPopData();
    const calls: { query: string; signal?: AbortSignal; answer: ReturnType<typeof deferred<SearchResult>> }[] = [];
    const source = searchSource((query: string, opts?: SearchOptions) => {
      const answer = deferred<SearchResult>();
      calls.push({ query, signal: opts?.signal, answer });
      return answer.promise;
    });
    const el = await fixture<ContactMatcher>(html`<contact-matcher mode="search" .source=${source}></contact-matcher>`);
    await typeQuery(el, 'ju');
    await typeQuery(el, 'mar');
    expect(calls.map((c) => c.query)).to.deep.equal(['ju', 'mar']);
    expect(calls[0].signal!.aborted).to.equal(true);
    expect(calls[1].signal!.aborted).to.equal(false);
    calls[1].answer.resolve({ items: [martin], total: 1 });
    await until(() => options(el).length === 1, 'second answer');
    // The first answer arrives late: ignored.
    calls[0].answer.resolve({ items: [juan], total: 1 });
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(optionTexts(el)).to.have.length(1);
    expect(optionTexts(el)[0]).to.contain('Martín');
  });

  it('keystrokes within one task make one request', async () => {
    const calls: string[] = [];
    const source = searchSource(async (query) => {
      calls.push(query);
      return { items: [], total: 0 };
    });
    const el = await fixture<ContactMatcher>(html`<contact-matcher mode="search" .source=${source}></contact-matcher>`);
    el.query = 'a';
    el.query = 'an';
    el.query = 'ana';
    await el.updateComplete;
    expect(calls).to.deep.equal(['ana']);
  });

  it('shows a failed search with Retry, and the retry searches again', async () => {
    const { martin } = screenPopData();
    let fail = true;
    const source = searchSource(async () => {
      if (fail) throw new CrmError('unavailable', 'CRM down');
      return { items: [martin], total: 1 };
    });
    const el = await fixture<ContactMatcher>(html`<contact-matcher mode="search" .source=${source}></contact-matcher>`);
    const errored = oneEvent(el, 'ucrm-error');
    await quietly(async () => {
      await typeQuery(el, 'mar');
      expect((await errored).detail).to.deep.equal({ operation: 'search', code: 'unavailable', message: 'CRM down' });
    });
    await el.updateComplete;
    const alert = root(el).querySelector('[role=alert]')!;
    // The agent reads what happened and what to do; the technical text stays in the event.
    expect(alert.textContent).to.contain('The CRM did not answer').and.not.contain('CRM down');
    expect(input(el).value, 'the query is kept').to.equal('mar');
    await expect(el).to.be.accessible();
    fail = false;
    (alert.querySelector('button') as HTMLButtonElement).click();
    await until(() => options(el).length === 1, 'retried results');
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
  });

  it('says when only part of the matches is shown', async () => {
    const { contacts } = screenPopData();
    const source = searchSource(async () => ({ items: contacts.slice(0, 2), total: 40 }));
    const el = await fixture<ContactMatcher>(html`<contact-matcher mode="search" query="x" .source=${source}></contact-matcher>`);
    await until(() => options(el).length === 2, 'results');
    expect(statusText(el)).to.equal('Showing 2 of 40 matching contacts');
  });
});
