import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ucrm-new-interaction.js';
import type { UcrmNewInteraction } from '../src/define/ucrm-new-interaction.js';
import { sanitizeEmailHtml } from '../src/components/ucrm-new-interaction/email-html.js';
import type { Campaign } from '../src/core/types.js';
import type { UcrmInteractionStartEvent } from '../src/events.js';
import { DRAFTS_PREFIX } from '../src/state/composer-drafts.js';
import { waitUntil } from './support/wait.js';

const PAYLOAD = '<img src="x" onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3">site</a>';

const mail: Campaign = {
  id: 'mail',
  name: 'Mail campaign',
  channels: ['email', 'whatsapp'],
  outboundChannels: ['email', 'whatsapp'],
  provider: 'meta',
  region: 'UY',
  signature: '<p>Regards, <strong>Sales team</strong></p>',
  templates: [{ id: 'hsm', name: 'Hi', body: 'Hi!', channel: 'whatsapp', approved: true }],
};
const other: Campaign = { ...mail, id: 'other', name: 'Other', signature: '<p>Cheers, Support</p>', outboundChannels: ['email'] };

let seq = 0;
async function mount(campaigns: Campaign[] = [mail], agentId = `mail-agent-${++seq}`) {
  const el = await fixture<UcrmNewInteraction>(
    html`<ucrm-new-interaction open lang="en" agent-id=${agentId} .campaigns=${campaigns}></ucrm-new-interaction>`,
  );
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: UcrmNewInteraction, selector: string) => el.shadowRoot!.querySelector<T & HTMLElement>(selector)!;
const $$ = (el: UcrmNewInteraction, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

async function choose(el: UcrmNewInteraction, channel: string) {
  $(el, `input[name=channel][value=${channel}]`).click();
  await el.updateComplete;
}

/** Waits for the lazily imported editor to mount (the first import may be slow on a busy machine). */
async function editorOf(el: UcrmNewInteraction): Promise<HTMLElement> {
  await waitUntil(() => el.shadowRoot!.querySelector('.ProseMirror'), 'the editor mounted');
  await el.updateComplete;
  return $(el, '.ProseMirror');
}

async function fill(el: UcrmNewInteraction, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await el.updateComplete;
}

async function startAndCatch(el: UcrmNewInteraction): Promise<UcrmInteractionStartEvent> {
  setTimeout(() => $(el, '[part~=start-button]').click());
  return oneEvent(el, 'ucrm-interaction-start');
}

const chipTexts = (el: UcrmNewInteraction, field: string) => $$(el, `[part~=${field}-chip] span`).map((s) => s.textContent);

describe('<ucrm-new-interaction> Email', () => {
  beforeEach(() => localStorage.clear());

  it('loads the editor only when Email is chosen', async function () {
    this.timeout(20000); // the first import of Tiptap is transformed on demand by the test server
    const loaded = () => performance.getEntriesByType('resource').some((entry) => /email-editor|@tiptap/.test(entry.name));
    const el = await mount();
    await choose(el, 'whatsapp');
    await new Promise((r) => setTimeout(r, 50));
    expect(loaded(), 'Tiptap requested before Email was chosen').to.equal(false);
    await choose(el, 'email');
    await editorOf(el);
    expect(loaded()).to.equal(true);
    expect($(el, '[part~=toolbar]')).not.to.equal(null);
  });

  it("adds the campaign's signature when Email is chosen, and swaps it while the body is untouched", async () => {
    const el = await mount([mail, other]);
    await choose(el, 'email');
    const select = $<HTMLSelectElement>(el, '#campaign');
    select.value = 'mail';
    select.dispatchEvent(new Event('change'));
    const editor = await editorOf(el);
    expect(editor.textContent).to.contain('Regards, Sales team');
    expect(editor.querySelector('strong')?.textContent).to.equal('Sales team');
    select.value = 'other';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(editor.textContent).to.contain('Cheers, Support').and.not.contain('Regards');
    await expect(el).to.be.accessible();
  });

  it('keeps an edited body when the campaign changes (the signature is added once)', async () => {
    localStorage.setItem(`${DRAFTS_PREFIX}signer:email`, JSON.stringify({ campaignId: 'mail' }));
    const el = await mount([mail, other], 'signer');
    await choose(el, 'email');
    const editor = await editorOf(el);
    expect(editor.textContent).to.contain('Regards, Sales team');
    const select = $<HTMLSelectElement>(el, '#campaign');
    select.value = 'other';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(editor.textContent).to.contain('Cheers, Support').and.not.contain('Regards');
    editor.focus();
    await sendKeys({ press: 'Control+Home' });
    await sendKeys({ type: 'Dear Ana' });
    select.value = 'mail';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(editor.textContent).to.contain('Dear Ana').and.contain('Cheers, Support').and.not.contain('Regards');
  });

  it('CC/BCC chips: Enter or comma adds, invalid addresses stay with a message, Backspace removes', async () => {
    const el = await mount();
    await choose(el, 'email');
    const cc = $<HTMLInputElement>(el, '#cc');
    cc.focus();
    await sendKeys({ type: 'ana@example.com' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'bob@example.com,' });
    await el.updateComplete;
    expect(chipTexts(el, 'cc')).to.deep.equal(['ana@example.com', 'bob@example.com']);
    expect(cc.value).to.equal('');

    await sendKeys({ type: 'not-an-address' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chipTexts(el, 'cc')).to.deep.equal(['ana@example.com', 'bob@example.com']);
    expect(cc.value).to.equal('not-an-address');
    expect($(el, '#cc-error').textContent).to.contain('Not valid email addresses: not-an-address');
    expect(cc.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    cc.select();
    await sendKeys({ press: 'Backspace' }); // clears the text
    await sendKeys({ press: 'Backspace' }); // removes the last chip
    await el.updateComplete;
    expect(chipTexts(el, 'cc')).to.deep.equal(['ana@example.com']);

    $(el, '[part~=chip-remove]').click();
    await el.updateComplete;
    expect(chipTexts(el, 'cc')).to.deep.equal([]);

    const bcc = $<HTMLInputElement>(el, '#bcc');
    bcc.focus();
    document.execCommand('insertText', false, 'c@x.com; d@y.com');
    await el.updateComplete;
    expect(chipTexts(el, 'bcc')).to.deep.equal(['c@x.com', 'd@y.com']);
  });

  it('formats with the toolbar and with shortcuts', async () => {
    const el = await mount();
    await choose(el, 'email');
    const editor = await editorOf(el);
    const labels = $$(el, '[part~=tool]').map((b) => b.getAttribute('title'));
    expect(labels).to.include.members([
      'Bold', 'Italic', 'Underline', 'Strikethrough', 'Highlight', 'Bullet list', 'Ordered list',
      'Align left', 'Center', 'Align right', 'Justify', 'Horizontal rule', 'Line break', 'Insert table',
    ]);
    const headings = [...$<HTMLSelectElement>(el, '#block-type').options].map((o) => o.textContent!.trim());
    expect(headings).to.deep.equal(['Paragraph', 'Heading 1', 'Heading 2', 'Heading 3', 'Heading 4', 'Heading 5', 'Heading 6']);

    editor.focus();
    await sendKeys({ press: 'Control+Home' });
    await sendKeys({ press: 'Control+b' });
    await sendKeys({ type: 'Bold' });
    await sendKeys({ press: 'Control+b' });
    await el.updateComplete;
    expect(editor.querySelector('strong')?.textContent).to.equal('Bold');
    expect($(el, '[part~=tool-bold]').getAttribute('aria-pressed')).to.equal('false');

    $(el, '[part~=tool-italic]').click();
    await sendKeys({ type: 'it' });
    await el.updateComplete;
    expect(editor.querySelector('em')?.textContent).to.equal('it');

    const block = $<HTMLSelectElement>(el, '#block-type');
    block.value = '3';
    block.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(editor.querySelector('h3')?.textContent).to.contain('Bold');

    $(el, '[part~=tool-insert-table]').click();
    await el.updateComplete;
    expect(editor.querySelectorAll('table tr')).to.have.length(3);
    expect($$(el, '[part~=tool]').map((b) => b.getAttribute('title'))).to.include('Delete table');
    await expect(el).to.be.accessible();
  });

  it('moves between toolbar controls with the arrow keys, Home and End', async () => {
    const el = await mount();
    await choose(el, 'email');
    await editorOf(el);
    const controls = $$(el, '[part~=toolbar] button, [part~=toolbar] select');
    controls[1].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(controls[2]);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement).to.equal(controls[0]);
    await sendKeys({ press: 'End' });
    expect(el.shadowRoot!.activeElement).to.equal(controls[controls.length - 1]);
    await sendKeys({ press: 'Home' });
    expect(el.shadowRoot!.activeElement).to.equal(controls[0]);
  });

  it('adds the signature again after the interaction started', async () => {
    const el = await mount();
    await choose(el, 'email');
    const editor = await editorOf(el);
    await fill(el, 'to', 'ana@example.com');
    await fill(el, 'subject', 'Hi');
    await startAndCatch(el);
    el.started();
    await el.updateComplete;
    expect(($<HTMLInputElement>(el, '#to')).value).to.equal('');
    expect(editor.textContent).to.contain('Regards, Sales team');
  });

  it('checks to, subject and body before starting', async () => {
    const el = await mount([{ ...mail, signature: undefined }]);
    await choose(el, 'email');
    await editorOf(el);
    await fill(el, 'to', 'nobody');
    $(el, '[part~=start-button]').click();
    await el.updateComplete;
    expect($(el, '#to-error').textContent).to.contain('not a valid email address');
    expect($(el, '#subject-error').textContent).to.contain('Enter a subject');
    expect($(el, '#body-error').textContent).to.contain('Write the email body');
    await expect(el).to.be.accessible();
  });

  it('sends sanitized HTML: script, event handler and javascript: payloads are removed', async () => {
    const el = await mount([{ ...mail, signature: `<p>Regards</p>${PAYLOAD}` }]);
    await choose(el, 'email');
    const editor = await editorOf(el);
    await fill(el, 'to', 'ana@example.com');
    await fill(el, 'subject', 'Hello');
    editor.focus();
    await sendKeys({ press: 'Control+Home' });
    await sendKeys({ type: 'Body text' });
    const cc = $<HTMLInputElement>(el, '#cc');
    cc.focus();
    await sendKeys({ type: 'c@x.com' }); // committed on Start
    const event = await startAndCatch(el);
    const detail = event.detail;
    expect(detail).to.include({ channel: 'email', campaign: 'mail', to: 'ana@example.com', subject: 'Hello' });
    expect(detail.cc).to.deep.equal(['c@x.com']);
    expect(detail.bcc).to.deep.equal([]);
    expect(detail.html).to.contain('Body text').and.contain('Regards');
    expect(detail.html).not.to.match(/<script|onerror|javascript:/i);
    expect((window as any).pwned).to.equal(undefined);
  });

  it('restores a stored draft sanitized, and keeps the body across a reload', async () => {
    localStorage.setItem(`${DRAFTS_PREFIX}evil:email`, JSON.stringify({ to: 'a@b.co', html: `<p>Kept</p>${PAYLOAD}`, signedFor: 'mail' }));
    const el = await mount([mail], 'evil');
    await choose(el, 'email');
    const editor = await editorOf(el);
    expect(editor.textContent).to.contain('Kept');
    expect(editor.innerHTML).not.to.match(/<script|onerror|javascript:/i);
    editor.focus();
    await sendKeys({ press: 'Control+End' });
    await sendKeys({ type: ' more' });
    await new Promise((r) => setTimeout(r, 20));
    expect(JSON.parse(localStorage.getItem(`${DRAFTS_PREFIX}evil:email`)!).html).to.contain('more');
    el.remove();
    const again = await mount([mail], 'evil');
    await choose(again, 'email');
    const restored = (await editorOf(again)).textContent;
    expect(restored).to.contain('Kept').and.contain(' more');
    expect((window as any).pwned).to.equal(undefined);
  });

  it('sanitizes a restored draft sent right away, whether or not the editor has loaded yet', async () => {
    localStorage.setItem(`${DRAFTS_PREFIX}hasty:email`, JSON.stringify({ to: 'a@b.co', subject: 'S', html: `<p>Kept</p>${PAYLOAD}`, signedFor: 'mail' }));
    const el = await mount([mail], 'hasty');
    await choose(el, 'email');
    const event = await startAndCatch(el);
    expect(event.detail.html).to.contain('Kept');
    expect(event.detail.html).not.to.match(/<script|onerror|javascript:/i);
    expect((window as any).pwned).to.equal(undefined);
  });

  it('sanitizeEmailHtml keeps formatting and drops active content', () => {
    const clean = sanitizeEmailHtml(
      `<h2 style="text-align: center">T</h2><p><strong>b</strong><mark>m</mark></p><table><tbody><tr><td>c</td></tr></tbody></table>${PAYLOAD}<iframe src="x"></iframe>`,
    );
    expect(clean).to.contain('<h2 style="text-align: center">T</h2>').and.contain('<mark>m</mark>').and.contain('<td>c</td>');
    expect(clean).not.to.match(/<script|onerror|javascript:|<iframe/i);
  });
});

describe('<ucrm-new-interaction> voice messages', () => {
  const original = navigator.mediaDevices.getUserMedia;
  afterEach(() => {
    navigator.mediaDevices.getUserMedia = original;
  });

  it('shows a clear message when the microphone is denied', async () => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    const el = await mount();
    await choose(el, 'whatsapp');
    $(el, '[part~=voice-record]').click();
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect($(el, '[part~=voice-error]').textContent).to.contain('denied access to the microphone');
    expect($(el, '[part~=voice-error]').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('records, discards, records again and sends the note with the request', async () => {
    const audio = new AudioContext();
    navigator.mediaDevices.getUserMedia = async () => {
      const oscillator = audio.createOscillator();
      const destination = audio.createMediaStreamDestination();
      oscillator.connect(destination);
      oscillator.start();
      return destination.stream;
    };
    const el = await mount();
    await choose(el, 'whatsapp');
    const settle = async (part: string) => {
      await waitUntil(() => el.shadowRoot!.querySelector(`[part~=${part}]`), `${part} shown`);
      await el.updateComplete;
    };
    $(el, '[part~=voice-record]').click();
    await settle('voice-stop');
    expect($(el, '[part~=voice-status]').textContent).to.contain('Recording');
    $(el, '[part~=voice-stop]').click();
    await settle('voice-discard');
    expect($(el, '[part~=voice-preview]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    $(el, '[part~=voice-discard]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=voice-preview]')).to.equal(null);

    $(el, '[part~=voice-record]').click();
    await settle('voice-stop');
    $(el, '[part~=voice-stop]').click();
    await settle('voice-discard');
    await fill(el, 'to', '099123456');
    const template = $<HTMLSelectElement>(el, '#template');
    template.value = 'hsm';
    template.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const event = await startAndCatch(el);
    expect(event.detail.voiceNote).to.be.instanceOf(Blob);
    await audio.close();
  });

  it('offers no recording for Email', async () => {
    const el = await mount();
    await choose(el, 'email');
    expect(el.shadowRoot!.querySelector('[part~=voice]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#files')).not.to.equal(null);
  });
});
