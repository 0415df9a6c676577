import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Message } from '../src/core/interactions/index.js';
import { conversationDrafts } from '../src/state/conversation-drafts.js';
import { AGENT, bubble, conversation, pick, q, qa, simulator, takenWhatsApp, text, until } from './support/conversation-harness.js';
import { runningAudio, toneStream } from './support/tone.js';

const file = (name: string, size: number, type: string) => new File([new Uint8Array(size)], name, { type });

describe('<ucrm-conversation> attachments, voice and email', function () {
  this.timeout(90000);
  let restore: (() => void) | undefined;
  beforeEach(() => {
    localStorage.clear();
    conversationDrafts(AGENT).set({});
  });
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  function stubMicrophone(answer: () => Promise<MediaStream>) {
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia;
    devices.getUserMedia = answer;
    restore = () => (devices.getUserMedia = original);
  }

  it('attaches files by category within the provider limits, refuses the others with the reason before sending, and shows them sent', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    await pick(el, 'image', [file('photo.png', 2000, 'image/png'), file('huge.png', 6_000_000, 'image/png')]);
    expect(qa(el, '[part~="attachment-list"] [part~="attachment-name"]').map(text)).to.deep.equal(['photo.png']);
    expect(q(el, '[part~="attachment-list"] [part~="attachment-preview"]')).not.to.equal(null);
    expect(text(q(el, '[part~="rejections"]'))).to.contain('huge.png').and.contain('5 MB');
    await pick(el, 'document', [file('setup.exe', 10, 'application/octet-stream')]);
    expect(text(q(el, '[part~="rejections"]'))).to.contain('.exe');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'ucrm-message-sent');
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    const message = (await sent).detail.message as Message;
    expect(message.attachments!.map((a) => a.name)).to.deep.equal(['photo.png']);
    await until(() => bubble(el, message.id)?.querySelector('[part~="attachment-link"]'), 'the sent file');
    expect(text(bubble(el, message.id)!.querySelector('[part~="attachment-link"]'))).to.equal('photo.png');
    expect(qa(el, '[part~="attachment-list"]')).to.have.length(0);
  });

  it('offers no attachments on SMS and Instagram, and no voice on SMS and email', async () => {
    const { sim, clock } = simulator();
    for (const [channel, attach, voice] of [['sms', false, false], ['instagram', false, true], ['webchat', true, true]] as const) {
      const inbound = (await sim.simulateInbound({ channel, campaign: 'wa', clientId: `${channel}-1`, text: 'Hi' }))!;
      await sim.take(inbound.id);
      const el = await conversation(sim, inbound.id, clock);
      expect(!!q(el, '[part~="attach-button"]'), `${channel} attach`).to.equal(attach);
      expect(!!q(el, '[part~="voice-record"]'), `${channel} voice`).to.equal(voice);
      el.remove();
    }
  });

  it('records a voice message, discards one, and sends another as Ogg/Opus on WhatsApp (the bytes say so)', async () => {
    const audio = await runningAudio();
    stubMicrophone(async () => (await toneStream()).stream);
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    const record = async () => {
      q<HTMLButtonElement>(el, '[part~="voice-record"]')!.click();
      await until(() => q(el, '[part~="voice-stop"]'), 'recording');
      const from = audio.currentTime;
      await until(() => audio.currentTime - from > 0.4, 'some sound');
      q<HTMLButtonElement>(el, '[part~="voice-stop"]')!.click();
      await until(() => q(el, '[part~="voice-preview"]'), 'the recorded note');
    };
    await record();
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, '[part~="voice-discard"]')!.click();
    await el.updateComplete;
    expect(q(el, '[part~="voice-preview"]')).to.equal(null);
    await record();
    const sent = oneEvent(el, 'ucrm-message-sent');
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    const message = (await sent).detail.message as Message;
    expect(message.voice).not.to.equal(undefined);
    const bytes = new Uint8Array(await (await fetch(message.voice!.url)).arrayBuffer());
    const ascii = new TextDecoder('latin1').decode(bytes);
    expect(ascii.slice(0, 4)).to.equal('OggS');
    expect(ascii).to.contain('OpusHead');
    await until(() => bubble(el, message.id)?.querySelector('[part~="voice"]'), 'the voice message in the list');
  });

  it('says so when the microphone is denied or missing', async () => {
    const { sim, clock } = simulator();
    const inbound = await takenWhatsApp(sim);
    const el = await conversation(sim, inbound.id, clock);
    stubMicrophone(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    q<HTMLButtonElement>(el, '[part~="voice-record"]')!.click();
    await until(() => q(el, '[part~="voice-error"]'), 'the denied message');
    expect(text(q(el, '[part~="voice-error"]'))).to.contain('denied access to the microphone');
    await expect(el).to.be.accessible();
    restore!();
    stubMicrophone(() => Promise.reject(new DOMException('none', 'NotFoundError')));
    q<HTMLButtonElement>(el, '[part~="voice-record"]')!.click();
    await until(() => text(q(el, '[part~="voice-error"]')).includes('cannot be recorded'), 'the missing message');
  });

  it('answers an email with subject, CC and the rich-text editor, signed', async () => {
    const { sim, clock } = simulator();
    const inbound = (await sim.simulateInbound({ channel: 'email', campaign: 'mail', clientId: 'carla@example.com', text: 'Where is my order?' }))!;
    await sim.take(inbound.id);
    const el = await conversation(sim, inbound.id, clock);
    await until(() => q(el, '.ProseMirror'), 'the editor');
    await until(() => text(q(el, '.ProseMirror')).includes('— Ana, ACME'), 'the signature');
    const subject = q<HTMLInputElement>(el, '#subject')!;
    subject.value = 'Your order';
    subject.dispatchEvent(new InputEvent('input'));
    const cc = q<HTMLInputElement>(el, '#cc')!;
    cc.focus();
    await sendKeys({ type: 'boss@example.com' });
    await sendKeys({ press: 'Enter' });
    q<HTMLElement>(el, '.ProseMirror p')!.click();
    q<HTMLElement>(el, '.ProseMirror')!.focus();
    await sendKeys({ press: 'ControlOrMeta+Home' });
    await sendKeys({ type: 'It ships tomorrow.' });
    await until(() => text(q(el, '.ProseMirror')).includes('It ships tomorrow.'), 'the typed body');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'ucrm-message-sent');
    q<HTMLButtonElement>(el, '[part~="send-button"]')!.click();
    const message = (await sent).detail.message as Message;
    expect(message.subject).to.equal('Your order');
    expect(message.html).to.contain('It ships tomorrow.').and.contain('— Ana, ACME');
    await until(() => bubble(el, message.id)?.querySelector('[part~="email-body"]'), 'the sanitized body in the list');
    expect(text(bubble(el, message.id)!.querySelector('[part~="subject"]'))).to.equal('Your order');
  });
});
