import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-new-interaction.js';
import type { UcrmNewInteraction } from '../src/define/ucrm-new-interaction.js';
import type { ComposerAgent } from '../src/core/composer/availability.js';
import { CrmError } from '../src/core/errors.js';
import type { Campaign } from '../src/core/types.js';
import type { CrmSource } from '../src/data/source.js';
import type { UcrmInteractionStartEvent } from '../src/events.js';
import { DRAFTS_PREFIX } from '../src/state/composer-drafts.js';
import { sampleAgent, sampleCampaigns } from '../stories/ucrm-new-interaction-samples.js';
import { quietly } from './support/console.js';

let seq = 0;
async function mount(options: { agentId?: string; agent?: ComposerAgent; campaigns?: Campaign[]; open?: boolean; lang?: string } = {}) {
  const el = await fixture<UcrmNewInteraction>(html`<ucrm-new-interaction
    ?open=${options.open ?? true}
    agent-id=${options.agentId ?? `agent-${++seq}`}
    lang=${options.lang ?? 'en'}
    .agent=${options.agent ?? sampleAgent}
    .campaigns=${options.campaigns ?? sampleCampaigns}
  ></ucrm-new-interaction>`);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: UcrmNewInteraction, selector: string) => el.shadowRoot!.querySelector<T & HTMLElement>(selector)!;
const text = (el: UcrmNewInteraction) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function choose(el: UcrmNewInteraction, channel: string) {
  $(el, `input[name=channel][value=${channel}]`).click();
  await el.updateComplete;
}

async function select(el: UcrmNewInteraction, id: string, value: string) {
  const s = $<HTMLSelectElement>(el, `#${id}`);
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function fill(el: UcrmNewInteraction, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await el.updateComplete;
}

/** Types into a field as a keyboard does: real key events, caret moving. */
async function typeInto(el: UcrmNewInteraction, id: string, keys: string) {
  $(el, `#${id}`).focus();
  await sendKeys({ type: keys });
  await el.updateComplete;
}

async function start(el: UcrmNewInteraction) {
  $(el, '[part~=start-button]').click();
  await el.updateComplete;
  await el.updateComplete;
}

async function startAndCatch(el: UcrmNewInteraction): Promise<UcrmInteractionStartEvent> {
  setTimeout(() => $(el, '[part~=start-button]').click());
  return oneEvent(el, 'ucrm-interaction-start');
}

function setFiles(el: UcrmNewInteraction, files: File[]) {
  const input = $<HTMLInputElement>(el, '#files');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  return el.updateComplete;
}

describe('<ucrm-new-interaction>', () => {
  beforeEach(() => localStorage.clear());

  describe('flow and availability', () => {
    it('starts closed with a "New" button that opens the panel; accessible both ways', async () => {
      const el = await mount({ open: false });
      const button = $(el, '[part~=new-button]');
      expect(button.textContent!.trim()).to.equal('New');
      await expect(el).to.be.accessible();
      button.click();
      await el.updateComplete;
      expect(el.open).to.equal(true);
      expect(text(el)).to.contain('New interaction');
      await expect(el).to.be.accessible();
      $(el, '[part~=close-button]').click();
      await el.updateComplete;
      expect($(el, '[part~=panel]')).to.equal(null);
    });

    it('offers only channels enabled and permitted, in order', async () => {
      const el = await mount({ agent: { id: 'x', campaigns: [{ id: 'br-support', outbound: ['whatsapp'] }, { id: 'uy-sales', outbound: ['sms', 'email'] }] } });
      const values = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=channel]')].map((i) => i.value);
      expect(values).to.deep.equal(['whatsapp', 'sms', 'email']);
    });

    it('offers the campaigns with the chosen channel permitted, and picks the only one', async () => {
      const el = await mount();
      await choose(el, 'whatsapp');
      const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#campaign option')].map((o) => o.value);
      expect(options).to.deep.equal(['', 'uy-sales', 'br-support']);
      await choose(el, 'phone');
      expect($<HTMLSelectElement>(el, '#campaign').value).to.equal('uy-sales');
    });

    it('tells an agent without permission why nothing is offered', async () => {
      const el = await mount({ agent: { id: 'x', campaigns: [{ id: 'uy-sales', outbound: [] }] } });
      expect($(el, '[part~=unavailable]').textContent).to.contain('do not have permission to start outbound interactions');
      expect(el.shadowRoot!.querySelector('input[name=channel]')).to.equal(null);
      await expect(el).to.be.accessible();
      const stranger = await mount({ agent: { id: 'y', campaigns: [] } });
      expect($(stranger, '[part~=unavailable]').textContent).to.contain('not a member of any campaign');
    });

    it('loads campaigns from the source when none are given, and reports a failure with Retry', async () => {
      let calls = 0;
      const source = {
        listCampaigns: async () => {
          calls++;
          if (calls === 1) throw new CrmError('unavailable', 'Campaigns are down');
          return sampleCampaigns;
        },
      } as unknown as CrmSource;
      const errors: CustomEvent[] = [];
      const el = await fixture<UcrmNewInteraction>(
        html`<ucrm-new-interaction open .source=${source} .agent=${sampleAgent} @ucrm-error=${(e: CustomEvent) => errors.push(e)}></ucrm-new-interaction>`,
      );
      while (!errors.length) await new Promise((r) => setTimeout(r));
      expect(errors[0].detail).to.include({ operation: 'listCampaigns', code: 'unavailable' });
      await el.updateComplete;
      expect($(el, '[role=alert]').textContent).to.contain('The CRM did not answer. Check your connection and try again.');
      await expect(el).to.be.accessible();
      $(el, '[part~=retry-button]').click();
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('input[name=channel]')).to.have.length(4);
    });

    it('reports an unknown channel attribute and keeps working', async () => {
      await quietly(async () => {
        const el = await fixture<UcrmNewInteraction>(html`<ucrm-new-interaction open channel="fax" .campaigns=${sampleCampaigns}></ucrm-new-interaction>`);
        await el.updateComplete;
        expect($(el, '[part~=error]').textContent).to.contain('channel="fax"');
        expect(el.shadowRoot!.querySelectorAll('input[name=channel]')).to.have.length(4);
      });
    });

    it('is usable with the keyboard alone', async () => {
      const el = await mount({ open: false });
      $(el, '[part~=new-button]').focus();
      await sendKeys({ press: 'Enter' });
      await new Promise((r) => setTimeout(r));
      expect(el.shadowRoot!.activeElement?.getAttribute('value')).to.equal('phone');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' }); // campaign (preselected)
      await sendKeys({ press: 'Tab' }); // number
      await sendKeys({ type: '099123' });
      const started = oneEvent(el, 'ucrm-interaction-start');
      await sendKeys({ press: 'Enter' });
      expect((await started).detail).to.include({ channel: 'phone', campaign: 'uy-sales', to: '099123' });
    });
  });

  describe('Phone', () => {
    it('keeps only digits, # and * as the agent types, with the caret in place', async () => {
      const el = await mount();
      await choose(el, 'phone');
      await typeInto(el, 'to', '09a9-1*2#');
      const input = $<HTMLInputElement>(el, '#to');
      expect(input.value).to.equal('0991*2#');
      // Move the caret after "099" and type letters and digits there.
      input.setSelectionRange(3, 3);
      await sendKeys({ type: 'x5y' });
      expect(input.value).to.equal('09951*2#');
      expect(input.selectionStart).to.equal(4);
    });

    it('sanitizes a paste in the middle and keeps the caret after it', async () => {
      const el = await mount();
      await choose(el, 'phone');
      await typeInto(el, 'to', '0999');
      const input = $<HTMLInputElement>(el, '#to');
      input.setSelectionRange(2, 2);
      document.execCommand('insertText', false, ' (12) 3-4 ');
      await el.updateComplete;
      expect(input.value).to.equal('09123499');
      expect(input.selectionStart).to.equal(6);
    });

    it('needs at least 5 digits to start', async () => {
      const el = await mount();
      await choose(el, 'phone');
      await fill(el, 'to', '12*#34');
      let fired = false;
      el.addEventListener('ucrm-interaction-start', () => (fired = true));
      await start(el);
      expect(fired).to.equal(false);
      expect($(el, '#to').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#to-error').textContent).to.contain('at least 5 digits');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#to'));
      await expect(el).to.be.accessible();
      await fill(el, 'to', '12*#345');
      // Fixed: the message is gone (the error node exists only while there is one).
      expect(el.shadowRoot!.querySelector('#to-error')).to.equal(null);
      const event = await startAndCatch(el);
      expect(event.detail).to.deep.equal({ channel: 'phone', campaign: 'uy-sales', to: '12*#345', attachments: [] });
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    });

    it('offers no attachments and no voice message', async () => {
      const el = await mount();
      await choose(el, 'phone');
      expect(el.shadowRoot!.querySelector('#files')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~=voice]')).to.equal(null);
    });
  });

  describe('WhatsApp', () => {
    it('refuses free text as the first message, with the reason', async () => {
      const el = await mount();
      await choose(el, 'whatsapp');
      await select(el, 'campaign', 'uy-sales');
      await fill(el, 'to', '099 123 456');
      await fill(el, 'message', 'Hi, can we talk?');
      await start(el);
      expect($(el, '#template-error').textContent).to.contain('must start with an approved template (HSM)');
      expect($(el, '#template').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '[part~=status]').textContent).to.contain('Fix 1 field');
      await expect(el).to.be.accessible();
    });

    it('lists unapproved templates as not selectable', async () => {
      const el = await mount();
      await choose(el, 'whatsapp');
      await select(el, 'campaign', 'uy-sales');
      const promo = $<HTMLOptionElement>(el, '#template option[value=promo]');
      expect(promo.disabled).to.equal(true);
      expect(promo.textContent).to.contain('not approved');
    });

    it('fills template variables with a live preview and sends E.164 for the campaign region', async () => {
      const el = await mount();
      await choose(el, 'whatsapp');
      await select(el, 'campaign', 'uy-sales');
      await fill(el, 'to', '099 123 456');
      await select(el, 'template', 'welcome');
      expect($(el, '[part~=preview-text]').textContent).to.equal('Hola {{1}}, soy {{agent}}.');
      await fill(el, 'var-1', 'Ana');
      expect($(el, '[part~=preview-text]').textContent).to.equal('Hola Ana, soy {{agent}}.');
      await start(el);
      expect($(el, '#template-error').textContent).to.contain('{{agent}}');
      await expect(el).to.be.accessible();
      await fill(el, 'var-agent', 'Luis');
      const event = await startAndCatch(el);
      expect(event.detail).to.deep.equal({
        channel: 'whatsapp',
        campaign: 'uy-sales',
        to: '+59899123456',
        template: 'welcome',
        variables: { '1': 'Ana', agent: 'Luis' },
        message: 'Hola Ana, soy Luis.',
        attachments: [],
      });
    });

    it('refuses a number that is not valid for the campaign region', async () => {
      const el = await mount();
      await choose(el, 'whatsapp');
      await select(el, 'campaign', 'br-support');
      await select(el, 'template', 'oi');
      await fill(el, 'to', '099 123 456'); // a Uruguayan mobile, read as Brazilian
      await start(el);
      expect($(el, '#to-error').textContent).to.contain("not a valid phone number for the campaign's country");
      await fill(el, 'to', '+598 99 123 456');
      const event = await startAndCatch(el);
      expect(event.detail.to).to.equal('+59899123456');
    });
  });

  it('reads national numbers with default-region when the campaign has no region', async () => {
    const el = await fixture<UcrmNewInteraction>(html`<ucrm-new-interaction
      open
      default-region="AR"
      agent-id="region-agent"
      .campaigns=${[{ ...sampleCampaigns[0], region: undefined }]}
    ></ucrm-new-interaction>`);
    await choose(el, 'sms');
    await fill(el, 'to', '011 15-2345-6789');
    await fill(el, 'message', 'Hola');
    const event = await startAndCatch(el);
    expect(event.detail.to).to.equal('+5491123456789');
  });

  describe('SMS', () => {
    it('counts characters and segments, GSM-7 vs UCS-2', async () => {
      const el = await mount();
      await choose(el, 'sms');
      await fill(el, 'message', 'a'.repeat(161));
      expect($(el, '[part~=counter]').textContent).to.contain('161 characters · 2 segments · GSM-7');
      await fill(el, 'message', 'Olá');
      expect($(el, '[part~=counter]').textContent).to.contain('3 characters · 1 segment · Unicode (UCS-2)');
      await expect(el).to.be.accessible();
    });

    it('has no attachments; sends the message with the number in E.164', async () => {
      const el = await mount();
      await choose(el, 'sms');
      expect(el.shadowRoot!.querySelector('#files')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~=voice]')).to.equal(null);
      await fill(el, 'to', '099123456');
      await start(el);
      expect($(el, '#message-error').textContent).to.contain('Write a message or choose a template');
      await fill(el, 'message', 'Hola');
      const event = await startAndCatch(el);
      expect(event.detail).to.deep.equal({ channel: 'sms', campaign: 'uy-sales', to: '+59899123456', message: 'Hola', attachments: [] });
    });

    it('sends a template with its variables; the counter follows the filled text', async () => {
      const el = await mount();
      await choose(el, 'sms');
      await fill(el, 'to', '099123456');
      await select(el, 'template', 'reminder');
      await fill(el, 'var-1', 'lunes');
      expect($(el, '[part~=counter]').textContent).to.contain('20 characters');
      const event = await startAndCatch(el);
      expect(event.detail).to.include({ template: 'reminder', message: 'Su turno es el lunes' });
    });
  });

  describe('attachments', () => {
    it('accepts an image exactly at the Meta limit and refuses one byte more, touching nothing else', async () => {
      const el = await mount();
      await choose(el, 'whatsapp');
      await select(el, 'campaign', 'uy-sales');
      await fill(el, 'to', '099123456');
      await setFiles(el, [new File([new Uint8Array(8_000_000)], 'ok.jpg'), new File([new Uint8Array(8_000_001)], 'big.jpg')]);
      const names = [...el.shadowRoot!.querySelectorAll('[part~=attachment] span')].map((s) => s.textContent);
      expect(names).to.deep.equal(['ok.jpg']);
      const rejection = $(el, '[part~=rejections]');
      expect(rejection.getAttribute('role')).to.equal('alert');
      expect(rejection.textContent).to.contain('big.jpg was not attached: it is 8,000,001 bytes; the limit for images in this campaign is 8,000,000 bytes.');
      expect($<HTMLInputElement>(el, '#to').value).to.equal('099123456');
      await expect(el).to.be.accessible();
    });

    it('uses the campaign provider limits (Gupshup video 16 MB) and refuses unknown types', async () => {
      const el = await mount({ agent: { id: 'g', campaigns: [{ id: 'br-support', outbound: ['whatsapp'] }] } });
      await choose(el, 'whatsapp');
      await setFiles(el, [
        new File([new Uint8Array(16_000_000)], 'clip.mp4'),
        new File([new Uint8Array(16_000_001)], 'long.mov'),
        new File(['MZ'], 'setup.exe'),
      ]);
      expect([...el.shadowRoot!.querySelectorAll('[part~=attachment]')].map((li) => li.getAttribute('data-category'))).to.deep.equal(['video']);
      const rejections = [...el.shadowRoot!.querySelectorAll('[part~=rejections] li')].map((li) => li.textContent);
      expect(rejections[0]).to.contain('long.mov was not attached').and.contain('videos').and.contain('16,000,000 bytes');
      expect(rejections[1]).to.equal('setup.exe was not attached: .exe files are not accepted.');
    });

    it('re-checks files against the campaign chosen at Start (a stricter provider)', async () => {
      const el = await mount();
      await choose(el, 'whatsapp');
      await select(el, 'campaign', 'uy-sales');
      await setFiles(el, [new File([new Uint8Array(6_000_000)], 'photo.jpg')]);
      expect(el.shadowRoot!.querySelectorAll('[part~=attachment]')).to.have.length(1);
      await select(el, 'campaign', 'br-support');
      await select(el, 'template', 'oi');
      await fill(el, 'to', '+5511987654321');
      let fired = false;
      el.addEventListener('ucrm-interaction-start', () => (fired = true));
      await start(el);
      expect(fired).to.equal(false);
      expect($(el, '[part~=rejections]').textContent).to.contain('photo.jpg was not attached: it is 6 MB; the limit for images in this campaign is 5 MB.');
      $(el, '[part~=attachment-remove]').click();
      await el.updateComplete;
      const event = await startAndCatch(el);
      expect(event.detail.attachments).to.deep.equal([]);
    });

    it('sends the attachments with the request and lets the agent remove one', async () => {
      const el = await mount();
      await choose(el, 'whatsapp');
      await select(el, 'campaign', 'br-support');
      await fill(el, 'to', '+5511987654321');
      await select(el, 'template', 'oi');
      await setFiles(el, [new File(['a'], 'a.pdf'), new File(['b'], 'b.mp3')]);
      $(el, '[part~=attachment-remove]').click();
      await el.updateComplete;
      const event = await startAndCatch(el);
      expect(event.detail.attachments.map((a) => [a.file.name, a.category])).to.deep.equal([['b.mp3', 'audio']]);
    });
  });

  describe('drafts', () => {
    it('restores what was typed when switching channel and coming back', async () => {
      const el = await mount();
      await choose(el, 'sms');
      await fill(el, 'to', '099111222');
      await fill(el, 'message', 'Draft text');
      await choose(el, 'phone');
      expect($<HTMLInputElement>(el, '#to').value).to.equal('');
      await fill(el, 'to', '12345');
      await choose(el, 'sms');
      expect($<HTMLInputElement>(el, '#to').value).to.equal('099111222');
      expect($<HTMLTextAreaElement>(el, '#message').value).to.equal('Draft text');
      await choose(el, 'phone');
      expect($<HTMLInputElement>(el, '#to').value).to.equal('12345');
    });

    it('survives a reload (a new element), per agent', async () => {
      const first = await mount({ agentId: 'reload-agent' });
      await choose(first, 'whatsapp');
      await select(first, 'campaign', 'uy-sales');
      await fill(first, 'to', '099 123 456');
      await select(first, 'template', 'welcome');
      await fill(first, 'var-1', 'Ana');
      expect(JSON.parse(localStorage.getItem(`${DRAFTS_PREFIX}reload-agent:whatsapp`)!)).to.include({ to: '099123456', templateId: 'welcome' });
      first.remove();

      const again = await mount({ agentId: 'reload-agent' });
      await choose(again, 'whatsapp');
      expect($<HTMLSelectElement>(again, '#campaign').value).to.equal('uy-sales');
      expect($<HTMLInputElement>(again, '#to').value).to.equal('099123456');
      expect($<HTMLInputElement>(again, '#var-1').value).to.equal('Ana');

      const other = await mount({ agentId: 'someone-else' });
      await choose(other, 'whatsapp');
      expect($<HTMLInputElement>(other, '#to').value).to.equal('');
    });

    it('reads a draft stored before the page loaded', async () => {
      localStorage.setItem(`${DRAFTS_PREFIX}stored-agent:phone`, JSON.stringify({ to: '5550001' }));
      const el = await mount({ agentId: 'stored-agent' });
      await choose(el, 'phone');
      expect($<HTMLInputElement>(el, '#to').value).to.equal('5550001');
    });
  });

  describe('starting', () => {
    async function ready() {
      const el = await mount({ agentId: 'starter' });
      await choose(el, 'phone');
      await fill(el, 'to', '5551234');
      return el;
    }

    it('waits for the host: pending until started(), which clears the draft and resets', async () => {
      const el = await ready();
      await startAndCatch(el);
      await el.updateComplete;
      expect($<HTMLButtonElement>(el, '[part~=start-button]').disabled).to.equal(true);
      expect($(el, '[part~=status]').textContent).to.contain('Starting the interaction');
      expect($<HTMLInputElement>(el, '#to').value).to.equal('5551234');
      await expect(el).to.be.accessible();
      el.started();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#to').value).to.equal('');
      expect($(el, '[part~=status]').textContent).to.contain('Interaction started.');
      expect(localStorage.getItem(`${DRAFTS_PREFIX}starter:phone`)).to.equal(null);
      expect($<HTMLButtonElement>(el, '[part~=start-button]').disabled).to.equal(false);
    });

    it('started() clears the started channel even if the agent moved to another one', async () => {
      const el = await ready();
      await startAndCatch(el);
      await choose(el, 'sms');
      await fill(el, 'message', 'Next one');
      el.started();
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#message').value).to.equal('Next one');
      expect(localStorage.getItem(`${DRAFTS_PREFIX}starter:phone`)).to.equal(null);
      await choose(el, 'phone');
      expect($<HTMLInputElement>(el, '#to').value).to.equal('');
    });

    it('failed(reason) shows the reason and keeps everything', async () => {
      const el = await ready();
      await startAndCatch(el);
      el.failed('The line is busy.');
      await el.updateComplete;
      expect($(el, '[part~=failure]').textContent).to.contain('The interaction could not be started: The line is busy.');
      expect($<HTMLInputElement>(el, '#to').value).to.equal('5551234');
      expect(JSON.parse(localStorage.getItem(`${DRAFTS_PREFIX}starter:phone`)!)).to.include({ to: '5551234' });
      await expect(el).to.be.accessible();
      const retry = await startAndCatch(el);
      expect(retry.detail.to).to.equal('5551234');
    });

    it('preventDefault() means not started: the form is kept', async () => {
      const el = await ready();
      el.addEventListener('ucrm-interaction-start', (e) => e.preventDefault());
      await start(el);
      expect($(el, '[part~=status]').textContent).to.contain('The interaction was not started.');
      expect($<HTMLInputElement>(el, '#to').value).to.equal('5551234');
      expect($<HTMLButtonElement>(el, '[part~=start-button]').disabled).to.equal(false);
    });
  });

  describe('localization', () => {
    it('speaks Spanish and Portuguese', async () => {
      const es = await mount({ lang: 'es' });
      await choose(es, 'sms');
      expect(text(es)).to.contain('Nueva interacción').and.contain('Iniciar nueva interacción').and.contain('Número del cliente');
      await fill(es, 'message', 'Hola');
      expect($(es, '[part~=counter]').textContent).to.contain('4 caracteres · 1 segmento');
      await expect(es).to.be.accessible();
      const pt = await mount({ lang: 'pt-BR' });
      await choose(pt, 'phone');
      expect(text(pt)).to.contain('Nova interação').and.contain('Número para ligar');
    });
  });
});
