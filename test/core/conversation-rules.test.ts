import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CrmError } from '../../src/core/errors.js';
import {
  canQuote,
  classifySendError,
  composeMode,
  contactDraftFromPreChat,
  mergeMessages,
  quoteOf,
  windowRemaining,
  type Message,
  type MessageStatus,
} from '../../src/core/interactions/index.js';

const NOW = Date.parse('2030-01-01T12:00:00Z');
const msg = (id: string, at: number, extra: Partial<Message> = {}): Message => ({
  id,
  interactionId: 'i',
  direction: 'in',
  author: { kind: 'customer', name: 'Carla' },
  text: id,
  status: 'delivered',
  at: new Date(at).toISOString(),
  ...extra,
});

describe('conversation rules', () => {
  it('asks for a template on WhatsApp before the customer wrote and after the 24 h window, never elsewhere', () => {
    expect(composeMode({ channel: 'whatsapp' }, NOW)).to.deep.equal({ kind: 'templates-only', reason: 'first-message' });
    const open = { channel: 'whatsapp' as const, whatsappWindowEndsAt: new Date(NOW + 1000).toISOString() };
    expect(composeMode(open, NOW)).to.deep.equal({ kind: 'free' });
    expect(windowRemaining(open, NOW)).to.equal(1000);
    expect(composeMode(open, NOW + 1000)).to.deep.equal({ kind: 'templates-only', reason: 'window-closed' });
    expect(windowRemaining(open, NOW + 1000)).to.equal(undefined);
    expect(composeMode({ channel: 'sms' }, NOW)).to.deep.equal({ kind: 'free' });
  });

  it('quotes customer messages and delivered or read outbound ones on WhatsApp only; never notes, system lines, one check or failures', () => {
    const agent = { kind: 'agent' as const, name: 'Ana' };
    expect(canQuote('whatsapp', msg('a', NOW))).to.equal(true);
    for (const [status, ok] of [['pending', false], ['sent', false], ['failed', false], ['delivered', true], ['read', true]] as [MessageStatus, boolean][]) {
      expect(canQuote('whatsapp', msg('b', NOW, { direction: 'out', author: agent, status })), status).to.equal(ok);
    }
    expect(canQuote('whatsapp', msg('c', NOW, { direction: 'out', author: { kind: 'bot', name: 'Botito' }, status: 'read' }))).to.equal(true);
    expect(canQuote('whatsapp', msg('d', NOW, { internal: true, direction: 'out', author: agent, status: 'read' }))).to.equal(false);
    expect(canQuote('whatsapp', msg('e', NOW, { author: { kind: 'system', name: '' } }))).to.equal(false);
    expect(canQuote('webchat', msg('f', NOW))).to.equal(false);
  });

  it('summarizes a quote: author, text, or the first file', () => {
    const file = { name: 'photo.png', type: 'image/png', size: 10, url: 'blob:x', category: 'image' as const };
    expect(quoteOf(msg('a', NOW, { text: undefined, attachments: [file], author: { kind: 'bot', name: 'Botito' } }))).to.deep.include({
      author: 'Botito',
      authorKind: 'bot',
      attachment: { name: 'photo.png', url: 'blob:x', category: 'image', type: 'image/png' },
    });
    expect(quoteOf(msg('b', NOW, { text: undefined, html: '<p>Hi <b>there</b></p>' })).text).to.equal('Hi there');
  });

  it('merges pages and live changes into one ordered list, never moving a status back', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 40 }), fc.array(fc.nat(50), { maxLength: 40 }), (a, b) => {
        const left = [...new Set(a)].map((n) => msg(`m${n}`, NOW + n * 1000));
        const right = [...new Set(b)].map((n) => msg(`m${n}`, NOW + n * 1000));
        const merged = mergeMessages([...left].sort((x, y) => x.at.localeCompare(y.at)), right);
        const ids = merged.map((m) => m.id);
        expect(new Set(ids).size).to.equal(ids.length);
        expect(ids.length).to.equal(new Set([...a, ...b]).size);
        expect([...merged].sort((x, y) => x.at.localeCompare(y.at)).map((m) => m.id)).to.deep.equal(ids);
      }),
    );
    const read = msg('x', NOW, { direction: 'out', status: 'read' });
    expect(mergeMessages([read], [{ ...read, status: 'sent' }])[0]!.status).to.equal('read');
    const list = [read];
    expect(mergeMessages(list, [read])).to.equal(list);
  });

  it('tells a send that may never have left from one the source refused', () => {
    expect(classifySendError(new TypeError('Failed to fetch')).kind).to.equal('unsent');
    expect(classifySendError(new CrmError('unavailable', 'down')).kind).to.equal('unsent');
    expect(classifySendError(new CrmError('timeout', 'slow')).kind).to.equal('unsent');
    expect(classifySendError(new CrmError('invalid', 'no'))).to.deep.equal({ kind: 'refused', code: 'invalid', message: 'no' });
    expect(classifySendError(new CrmError('invalid', 'no'), false).kind).to.equal('unsent');
  });

  it('turns a pre-chat form into a new contact draft', () => {
    expect(contactDraftFromPreChat({ name: 'Rich Key', email: 'rich@example.com', phone: '+598 99 1', country: 'UY', timeZone: 'America/Montevideo' })).to.deep.equal({
      leadStage: 'Lead',
      firstName: 'Rich',
      lastName: 'Key',
      emails: ['rich@example.com'],
      phones: ['+598 99 1'],
      custom: { country: 'UY', timeZone: 'America/Montevideo' },
    });
    expect(contactDraftFromPreChat(undefined)).to.equal(undefined);
    expect(contactDraftFromPreChat({ name: '  ' })).to.equal(undefined);
  });
});
