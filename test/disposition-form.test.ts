import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/disposition-form.js';
import type { DispositionForm, DispositionRecord } from '../src/components/disposition-form/disposition-form.js';
import { CrmError } from '../src/core/errors.js';
import type { Campaign } from '../src/core/types.js';
import type { CallOptions, CrmSource } from '../src/data/source.js';
import type { UcrmDispositionSavedEvent } from '../src/events.js';
import { quietly } from './support/console.js';

const sales: Campaign = {
  id: 'sales',
  name: 'Sales',
  channels: ['phone'],
  outboundChannels: ['phone'],
  dispositions: [
    {
      id: 'contacted',
      label: 'Contacted',
      children: [
        {
          id: 'sale',
          label: 'Sale',
          children: [
            { id: 'card', label: 'Card', children: [{ id: 'visa', label: 'Visa' }, { id: 'amex', label: 'Amex' }] },
            { id: 'cash', label: 'Cash' },
          ],
        },
        { id: 'callback', label: 'Call back', kind: 'reschedule' },
      ],
    },
    { id: 'no-answer', label: 'No answer' },
  ],
};
const hub: Campaign = { ...sales, id: 'hub', name: 'Hub', outboundHub: true };
const noDispositions: Campaign = { id: 'support', name: 'Support', channels: ['webchat'], outboundChannels: [] };

/** A source that only knows campaigns; `fail` makes the next calls reject. */
function fakeSource(campaigns: Campaign[], extra: Partial<CrmSource> & Record<string, unknown> = {}) {
  const calls: CallOptions[] = [];
  const source = {
    fail: 0,
    calls,
    async listCampaigns(options: CallOptions = {}) {
      calls.push(options);
      if (source.fail > 0) {
        source.fail--;
        throw new CrmError('unavailable', 'CRM down');
      }
      return campaigns;
    },
    ...extra,
  };
  return source as typeof source & CrmSource;
}

let counter = 0;
const newId = () => `test-${Date.now()}-${counter++}`;

const shadow = (el: HTMLElement) => el.shadowRoot!;
const selects = (el: DispositionForm) => [...shadow(el).querySelectorAll('select')];
const labelOf = (el: DispositionForm, control: Element) => shadow(el).querySelector(`label[for=${control.id}]`)!.textContent!.trim();
const action = (el: DispositionForm, name: string) => shadow(el).querySelector<HTMLButtonElement>(`[part~=action-${name}]`);
const actionNames = (el: DispositionForm) =>
  [...shadow(el).querySelectorAll('[part~=action]')].map((b) =>
    b.getAttribute('aria-disabled') === 'true' ? `${b.textContent!.trim()} (disabled)` : b.textContent!.trim(),
  );
const hints = (el: DispositionForm) => [...shadow(el).querySelectorAll('[part~=hints] li')].map((li) => li.textContent!.trim());
const comment = (el: DispositionForm) => shadow(el).querySelector('textarea')!;
const alertText = (el: DispositionForm) => shadow(el).querySelector('[role=alert]')?.textContent ?? '';

async function choose(el: DispositionForm, depth: number, id: string) {
  const select = selects(el)[depth];
  select.value = id;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function type(el: DispositionForm, control: HTMLTextAreaElement | HTMLInputElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function settle(el: DispositionForm) {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
  }
}

describe('<disposition-form>', () => {
  it('loads the campaign by id from the source and shows its first level', async () => {
    const source = fakeSource([noDispositions, sales]);
    const el = await fixture<DispositionForm>(html`<disposition-form campaign="sales" .source=${source}></disposition-form>`);
    await settle(el);
    expect(source.calls[0].signal).to.be.instanceOf(AbortSignal);
    const [first, next] = selects(el);
    expect(labelOf(el, first)).to.equal('Level 1');
    expect([...first.options].map((o) => o.text)).to.deep.equal(['Choose…', 'Contacted', 'No answer']);
    // The level below exists but is disabled until a choice above.
    expect(next.disabled).to.equal(true);
    expect(labelOf(el, next)).to.equal('Level 2');
    await expect(el).to.be.accessible();
  });

  it('prefers the campaignConfig object and does not ask the source', async () => {
    const source = fakeSource([sales]);
    const el = await fixture<DispositionForm>(
      html`<disposition-form campaign="sales" .campaignConfig=${noDispositions} .source=${source}></disposition-form>`,
    );
    await settle(el);
    expect(source.calls).to.have.length(0);
    expect(selects(el)).to.have.length(0);
    expect(actionNames(el)).to.deep.equal(['Close (disabled)']);
  });

  it('cascades: each choice opens the next level, labelled after its parent, to any depth', async () => {
    const el = await fixture<DispositionForm>(html`<disposition-form .campaignConfig=${sales}></disposition-form>`);
    await choose(el, 0, 'contacted');
    expect(selects(el)).to.have.length(3);
    expect(selects(el)[1].disabled).to.equal(false);
    expect(labelOf(el, selects(el)[1])).to.equal('Contacted (level 2)');
    await choose(el, 1, 'sale');
    await choose(el, 2, 'card');
    expect(labelOf(el, selects(el)[3])).to.equal('Card (level 4)');
    expect([...selects(el)[3].options].map((o) => o.text)).to.deep.equal(['Choose…', 'Visa', 'Amex']);
    await choose(el, 3, 'visa');
    expect(selects(el)).to.have.length(4);
    expect(selects(el).map((s) => s.value)).to.deep.equal(['contacted', 'sale', 'card', 'visa']);
    await expect(el).to.be.accessible();
  });

  it('clears every level below a changed one', async () => {
    const el = await fixture<DispositionForm>(html`<disposition-form .campaignConfig=${sales}></disposition-form>`);
    await choose(el, 0, 'contacted');
    await choose(el, 1, 'sale');
    await choose(el, 2, 'cash');
    await choose(el, 1, 'callback');
    expect(selects(el).map((s) => s.value)).to.deep.equal(['contacted', 'callback']);
    await choose(el, 1, 'sale');
    expect(selects(el).map((s) => s.value)).to.deep.equal(['contacted', 'sale', '', 'Choose the level above first']);
    await choose(el, 0, '');
    expect(selects(el).map((s) => s.value)).to.deep.equal(['', 'Choose the level above first']);
  });

  it('needs a leaf before Save, and says why', async () => {
    const el = await fixture<DispositionForm>(
      html`<disposition-form interaction-id="i-leaf" .campaignConfig=${sales}></disposition-form>`,
    );
    expect(actionNames(el)).to.deep.equal(['Save (disabled)', 'Save and close (disabled)']);
    expect(hints(el)).to.include('Choose a disposition down to the last level.');
    expect(action(el, 'save')!.getAttribute('aria-describedby')).to.equal('why-incomplete');
    let fired = 0;
    el.addEventListener('ucrm-disposition-saved', () => fired++);
    await choose(el, 0, 'contacted');
    action(el, 'save')!.click();
    await el.updateComplete;
    expect(fired).to.equal(0);
    await choose(el, 1, 'sale');
    await choose(el, 2, 'cash');
    expect(action(el, 'save')!.getAttribute('aria-disabled')).to.equal('false');
    setTimeout(() => action(el, 'save')!.click());
    const event = await oneEvent(el, 'ucrm-disposition-saved');
    expect(event.detail).to.deep.equal({
      interactionId: 'i-leaf',
      path: [
        { id: 'contacted', label: 'Contacted' },
        { id: 'sale', label: 'Sale' },
        { id: 'cash', label: 'Cash' },
      ],
      comment: '',
      close: false,
    });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.contain('Disposition saved.');
    // Save keeps the interaction and the selection.
    expect(selects(el).map((s) => s.value)).to.deep.equal(['contacted', 'sale', 'cash']);
  });

  it('requires a comment when the campaign says so, with a live counter and a limit', async () => {
    const el = await fixture<DispositionForm>(
      html`<disposition-form
        interaction-status="finished"
        comment-max-length="20"
        .campaignConfig=${{ ...sales, commentRequired: true }}
      ></disposition-form>`,
    );
    await choose(el, 0, 'no-answer');
    expect(labelOf(el, comment(el))).to.equal('Comment (required)');
    expect(comment(el).required).to.equal(true);
    expect(comment(el).maxLength).to.equal(20);
    expect(shadow(el).querySelector('[part~=counter]')!.textContent!.trim()).to.equal('0 of 20 characters');
    expect(actionNames(el)).to.deep.equal(['Save (disabled)', 'Save and close (disabled)']);
    expect(hints(el)).to.deep.equal(['This campaign requires a comment.']);
    await type(el, comment(el), '   ');
    expect(actionNames(el)).to.deep.equal(['Save (disabled)', 'Save and close (disabled)']);
    await type(el, comment(el), ' Busy tone ');
    expect(shadow(el).querySelector('[part~=counter]')!.textContent!.trim()).to.equal('11 of 20 characters');
    expect(actionNames(el)).to.deep.equal(['Save', 'Save and close']);
    await expect(el).to.be.accessible();
    setTimeout(() => action(el, 'save-and-close')!.click());
    const event = await oneEvent(el, 'ucrm-disposition-saved');
    expect(event.detail.comment).to.equal('Busy tone');
    expect(event.detail.close).to.equal(true);
  });

  it('marks the comment optional otherwise, and refuses one over a lowered limit', async () => {
    const id = newId();
    const first = await fixture<DispositionForm>(
      html`<disposition-form interaction-id=${id} .campaignConfig=${sales}></disposition-form>`,
    );
    await choose(first, 0, 'no-answer');
    expect(labelOf(first, comment(first))).to.equal('Comment (optional)');
    await type(first, comment(first), 'x'.repeat(30));
    first.remove();
    const el = await fixture<DispositionForm>(
      html`<disposition-form interaction-id=${id} comment-max-length="10" .campaignConfig=${sales}></disposition-form>`,
    );
    expect(comment(el).value).to.have.length(30);
    expect(comment(el).getAttribute('aria-invalid')).to.equal('true');
    expect(hints(el)).to.include('The comment is longer than 10 characters.');
    expect(action(el, 'save')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('allows Save while active, Save and close only once finished, nothing once closed', async () => {
    const el = await fixture<DispositionForm>(
      html`<disposition-form interaction-status="active" .campaignConfig=${sales}></disposition-form>`,
    );
    await choose(el, 0, 'no-answer');
    expect(actionNames(el)).to.deep.equal(['Save', 'Save and close (disabled)']);
    expect(hints(el)).to.deep.equal(['Available once the interaction is finished.']);
    await expect(el).to.be.accessible();

    el.interactionStatus = 'finished';
    await el.updateComplete;
    expect(actionNames(el)).to.deep.equal(['Save', 'Save and close']);
    expect(hints(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    el.interactionStatus = 'closed';
    await el.updateComplete;
    expect(actionNames(el)).to.deep.equal([]);
    expect(selects(el)).to.have.length(0);
    expect(shadow(el).querySelector('[part~=summary]')!.textContent).to.contain('No disposition was recorded');
    await expect(el).to.be.accessible();
  });

  it('shows the closed summary after Save and close, and after a reload', async () => {
    const id = newId();
    const el = await fixture<DispositionForm>(
      html`<disposition-form interaction-id=${id} interaction-status="finished" .campaignConfig=${sales}></disposition-form>`,
    );
    await choose(el, 0, 'no-answer');
    await type(el, comment(el), 'Voicemail <b>full</b>');
    action(el, 'save-and-close')!.click();
    await el.updateComplete;
    const summary = () => shadow(el).querySelector('[part~=summary]')!.textContent!.replace(/\s+/g, ' ');
    expect(summary()).to.contain('Interaction closed');
    expect(summary()).to.contain('No answer');
    expect(summary()).to.contain('Voicemail <b>full</b>');
    expect(actionNames(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    el.remove();
    const again = await fixture<DispositionForm>(
      html`<disposition-form interaction-id=${id} interaction-status="closed"></disposition-form>`,
    );
    expect(shadow(again).querySelector('[part~=summary]')!.textContent).to.contain('No answer');
  });

  it('shows just Close for a campaign without dispositions, once finished', async () => {
    const el = await fixture<DispositionForm>(
      html`<disposition-form interaction-id="i-none" .campaignConfig=${noDispositions}></disposition-form>`,
    );
    expect(selects(el)).to.have.length(0);
    expect(comment(el as DispositionForm)).to.equal(null);
    expect(actionNames(el)).to.deep.equal(['Close (disabled)']);
    expect(hints(el)).to.deep.equal(['Available once the interaction is finished.']);
    await expect(el).to.be.accessible();
    el.interactionStatus = 'finished';
    await el.updateComplete;
    expect(actionNames(el)).to.deep.equal(['Close']);
    await expect(el).to.be.accessible();
    setTimeout(() => action(el, 'close')!.click());
    const event = await oneEvent(el, 'ucrm-disposition-saved');
    expect(event.detail).to.deep.equal({ interactionId: 'i-none', path: [], comment: '', close: true });
  });

  describe('reschedule', () => {
    it('is offered only for a reschedule disposition in an Outbound Hub campaign', async () => {
      const plain = await fixture<DispositionForm>(html`<disposition-form .campaignConfig=${sales}></disposition-form>`);
      await choose(plain, 0, 'contacted');
      await choose(plain, 1, 'callback');
      expect(action(plain, 'reschedule')).to.equal(null);
      expect(shadow(plain).querySelector('input[type=datetime-local]')).to.equal(null);

      const el = await fixture<DispositionForm>(html`<disposition-form .campaignConfig=${hub}></disposition-form>`);
      await choose(el, 0, 'no-answer');
      expect(action(el, 'reschedule')).to.equal(null);
      await choose(el, 0, 'contacted');
      await choose(el, 1, 'callback');
      expect(actionNames(el)).to.deep.equal(['Save', 'Save and close (disabled)', 'Reschedule (disabled)']);
      expect(hints(el)).to.include('Choose a future date and time to reschedule.');
    });

    it('shows the agent’s time zone, rejects past and nonexistent times, and sends the instant', async () => {
      const el = await fixture<DispositionForm>(
        html`<disposition-form interaction-id="i-hub" time-zone="America/Sao_Paulo" .campaignConfig=${hub}></disposition-form>`,
      );
      await choose(el, 0, 'contacted');
      await choose(el, 1, 'callback');
      const input = shadow(el).querySelector<HTMLInputElement>('input[type=datetime-local]')!;
      expect(labelOf(el, input)).to.equal('Call back on');
      expect(shadow(el).querySelector('[part~=time-zone]')!.textContent).to.contain('America/Sao_Paulo');
      expect(shadow(el).querySelector('[part~=time-zone]')!.textContent).to.contain('Brasilia');
      expect(input.min).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await expect(el).to.be.accessible();

      await type(el, input, '2001-01-01T10:00');
      expect(shadow(el).querySelector('[part~=field-error]')!.textContent).to.equal('That time has already passed. Choose a future time.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(action(el, 'reschedule')!.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();

      await type(el, input, '2040-06-01T10:00');
      // Valid again: aria-invalid is gone (absent is ARIA's valid default; every form of the library draws it so).
      expect(input.hasAttribute('aria-invalid')).to.equal(false);
      setTimeout(() => action(el, 'reschedule')!.click());
      const event = await oneEvent(el, 'ucrm-disposition-saved');
      expect(event.detail).to.deep.equal({
        interactionId: 'i-hub',
        path: [
          { id: 'contacted', label: 'Contacted' },
          { id: 'callback', label: 'Call back' },
        ],
        comment: '',
        close: false,
        rescheduleAt: '2040-06-01T13:00:00.000Z',
      });
    });

    it('refuses a time inside a daylight-saving gap of the agent’s zone', async () => {
      const el = await fixture<DispositionForm>(
        html`<disposition-form time-zone="America/New_York" .campaignConfig=${hub}></disposition-form>`,
      );
      await choose(el, 0, 'contacted');
      await choose(el, 1, 'callback');
      const input = shadow(el).querySelector<HTMLInputElement>('input[type=datetime-local]')!;
      await type(el, input, '2040-03-11T02:30');
      expect(shadow(el).querySelector('[part~=field-error]')!.textContent).to.contain('does not exist in America/New_York');
      expect(action(el, 'reschedule')!.getAttribute('aria-disabled')).to.equal('true');
      await type(el, input, '2040-03-11T03:30');
      expect(action(el, 'reschedule')!.getAttribute('aria-disabled')).to.equal('false');
    });
  });

  it('keeps an early selection per interaction id across a reload', async () => {
    const id = newId();
    const el = await fixture<DispositionForm>(
      html`<disposition-form interaction-id=${id} interaction-status="active" .campaignConfig=${sales}></disposition-form>`,
    );
    await choose(el, 0, 'contacted');
    await choose(el, 1, 'sale');
    await type(el, comment(el), 'Wants the premium plan');
    expect(JSON.parse(localStorage.getItem(`ucrm:disposition:${id}`)!)).to.include({ comment: 'Wants the premium plan' });
    fixtureCleanup();
    expect(el.isConnected).to.equal(false);

    const other = await fixture<DispositionForm>(
      html`<disposition-form interaction-id=${newId()} .campaignConfig=${sales}></disposition-form>`,
    );
    expect(selects(other)[0].value).to.equal('');

    const again = await fixture<DispositionForm>(
      html`<disposition-form interaction-id=${id} interaction-status="finished" .campaignConfig=${sales}></disposition-form>`,
    );
    expect(selects(again).map((s) => s.value)).to.deep.equal(['contacted', 'sale', '', 'Choose the level above first']);
    expect(comment(again).value).to.equal('Wants the premium plan');
    await choose(again, 2, 'cash');
    expect(actionNames(again)).to.deep.equal(['Save', 'Save and close']);
  });

  it('reports a failed campaign load with Retry, and keeps the selection and comment', async () => {
    const id = newId();
    const source = fakeSource([sales]);
    const el = await fixture<DispositionForm>(
      html`<disposition-form interaction-id=${id} campaign="sales" .source=${source}></disposition-form>`,
    );
    await settle(el);
    await choose(el, 0, 'contacted');
    await type(el, comment(el), 'Keep me');

    const broken = fakeSource([sales]);
    broken.fail = 1;
    const errors: string[] = [];
    el.addEventListener('ucrm-error', (e) => errors.push(e.detail.operation));
    await quietly(async () => {
      el.source = broken;
      await settle(el);
    });
    expect(errors).to.deep.equal(['load-campaign']);
    // The agent reads what to do; the technical text stays in the event and the console.
    expect(alertText(el)).to.contain('The CRM did not answer. Check your connection and try again.');
    expect(alertText(el)).to.not.contain('CRM down');
    await expect(el).to.be.accessible();

    shadow(el).querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await settle(el);
    expect(alertText(el)).to.equal('');
    expect(selects(el)[0].value).to.equal('contacted');
    expect(comment(el).value).to.equal('Keep me');
  });

  it('says when the campaign id is unknown', async () => {
    const el = await quietly(async () => {
      const form = await fixture<DispositionForm>(
        html`<disposition-form campaign="nope" .source=${fakeSource([sales])}></disposition-form>`,
      );
      await settle(form);
      return form;
    });
    expect(alertText(el)).to.contain('The campaign "nope" was not found.');
    await expect(el).to.be.accessible();
  });

  it('lets a source that records dispositions record it first, and retries a failure', async () => {
    const records: DispositionRecord[] = [];
    let failNext = true;
    const source = fakeSource([sales], {
      async saveDisposition(record: DispositionRecord) {
        if (failNext) {
          failNext = false;
          throw new CrmError('timeout', 'Too slow');
        }
        records.push(record);
      },
    });
    const el = await fixture<DispositionForm>(
      html`<disposition-form interaction-id="i-rec" campaign="sales" .source=${source}></disposition-form>`,
    );
    await settle(el);
    await choose(el, 0, 'no-answer');
    await type(el, comment(el), 'Nobody home');
    const events: UcrmDispositionSavedEvent[] = [];
    el.addEventListener('ucrm-disposition-saved', (e) => events.push(e));
    await quietly(async () => {
      action(el, 'save')!.click();
      await settle(el);
    });
    expect(events).to.have.length(0);
    expect(alertText(el)).to.contain('The CRM is taking too long to answer. Wait a moment and try again.');
    expect(comment(el).value).to.equal('Nobody home');

    shadow(el).querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await settle(el);
    expect(records).to.deep.equal([
      { interactionId: 'i-rec', path: [{ id: 'no-answer', label: 'No answer' }], comment: 'Nobody home', close: false, campaignId: 'sales' },
    ]);
    expect(events).to.have.length(1);
  });

  it('reports bad attributes and keeps working with the defaults', async () => {
    const errors: string[] = [];
    const el = await quietly(() =>
      fixture<DispositionForm>(
        html`<disposition-form
          interaction-status="done"
          @ucrm-error=${(e: CustomEvent) => errors.push(e.detail.operation)}
          .campaignConfig=${sales}
        ></disposition-form>`,
      ),
    );
    expect(errors).to.deep.equal(['attribute:interaction-status']);
    expect(alertText(el)).to.contain('interaction-status="done"');
    await choose(el, 0, 'no-answer');
    expect(actionNames(el)).to.deep.equal(['Save', 'Save and close (disabled)']);
    await expect(el).to.be.accessible();

    const zoned = await quietly(() =>
      fixture<DispositionForm>(html`<disposition-form time-zone="Mars/Olympus" .campaignConfig=${hub}></disposition-form>`),
    );
    expect(alertText(zoned)).to.contain('time-zone="Mars/Olympus"');

    const limited = await quietly(() =>
      fixture<DispositionForm>(html`<disposition-form comment-max-length="lots" .campaignConfig=${sales}></disposition-form>`),
    );
    expect(alertText(limited)).to.contain('comment-max-length="lots"');
    expect(comment(limited).maxLength).to.equal(500);
  });

  it('can be used with the keyboard alone', async () => {
    const el = await fixture<DispositionForm>(
      html`<disposition-form interaction-status="finished" .campaignConfig=${sales}></disposition-form>`,
    );
    const focused = () => shadow(el).activeElement;
    selects(el)[0].focus();
    await sendKeys({ press: 'ArrowDown' }); // Contacted
    await el.updateComplete;
    expect(selects(el)[0].value).to.equal('contacted');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(selects(el)[1]);
    await sendKeys({ press: 'ArrowDown' }); // Sale
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' }); // Cash
    await el.updateComplete;
    expect(selects(el).map((s) => s.value)).to.deep.equal(['contacted', 'sale', 'cash']);
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(comment(el));
    await sendKeys({ type: 'Paid on delivery' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(action(el, 'save'));
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(action(el, 'save-and-close'));
    const saved = oneEvent(el, 'ucrm-disposition-saved');
    await sendKeys({ press: 'Enter' });
    const event = (await saved) as UcrmDispositionSavedEvent;
    expect(event.detail.close).to.equal(true);
    expect(event.detail.comment).to.equal('Paid on delivery');
    expect(event.detail.path.map((p) => p.id)).to.deep.equal(['contacted', 'sale', 'cash']);
  });

  it('speaks Spanish and Portuguese', async () => {
    const es = await fixture<DispositionForm>(
      html`<disposition-form lang="es" .campaignConfig=${sales}></disposition-form>`,
    );
    expect(labelOf(es, selects(es)[0])).to.equal('Nivel 1');
    expect(actionNames(es)).to.deep.equal(['Guardar (disabled)', 'Guardar y cerrar (disabled)']);
    await expect(es).to.be.accessible();
    const pt = await fixture<DispositionForm>(
      html`<disposition-form lang="pt" interaction-status="finished" .campaignConfig=${noDispositions}></disposition-form>`,
    );
    expect(actionNames(pt)).to.deep.equal(['Fechar']);
    expect(shadow(pt).textContent).to.contain('Esta campanha não tem tabulações');
  });
});
