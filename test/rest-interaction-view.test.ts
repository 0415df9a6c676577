/**
 * `<ucrm-interaction-view>` on the REST source against the real reference
 * server (web-test-runner.rest.config.mjs): the screen-pop matrix in one
 * request per pop, stale pops aborted, idempotent create, and HTTP faults
 * shown as a clear error with Retry, typed data kept, recovery.
 */
import { expect, html } from '@open-wc/testing';
import type { InteractionContext } from '../src/core/types.js';
import { DEMO_FIXTURES, DEMO_INTERACTIONS } from '../src/data/demo-data.js';
import type { RestSourceOptions } from '../src/data/rest-source.js';
import type { CrmSource } from '../src/data/source.js';
import { freshPhone, inject, requests, resetServer, restSource, server } from './support/rest-server.js';
import type { ServerInfo } from './support/rest-server.js';
import { until } from './support/screen-pop-fixtures.js';
import { quietly } from './support/console.js';
import { alertText, button, form, formControl, mountView, named, settled, sr, typeInto } from './support/view-harness.js';

let info: ServerInfo;
const source = (options: Partial<RestSourceOptions> = {}): CrmSource => restSource(info, options);

function mountPop(context: InteractionContext, crm: CrmSource = source()) {
  return mountView(
    html`<ucrm-interaction-view default-region="UY" .interaction=${context} .source=${crm}></ucrm-interaction-view>`,
  );
}

before(async () => {
  info = await server();
});

beforeEach(async () => {
  await resetServer();
});

describe('<ucrm-interaction-view> on the REST source', () => {
  const matrix: [string, InteractionContext, string, string | undefined][] = [
    ['known ContactID', DEMO_INTERACTIONS.knownContactId, 'contact', 'demo-uy'],
    ['unique phone in another format', DEMO_INTERACTIONS.uniquePhoneOtherFormat, 'contact', 'demo-uy'],
    ['Brazil ninth digit', DEMO_INTERACTIONS.brazilNinthDigit, 'contact', 'demo-br-legacy'],
    ['Argentina 15 form', DEMO_FIXTURES.argentinaMobile.ring, 'contact', 'demo-ar'],
    ['known email', DEMO_INTERACTIONS.knownEmail, 'contact', 'demo-email'],
    ['Instagram id', DEMO_INTERACTIONS.instagram, 'contact', 'demo-instagram'],
    ['shared phone', DEMO_INTERACTIONS.sharedPhone, 'candidates', undefined],
    ['unknown WhatsApp', DEMO_INTERACTIONS.unknownWhatsApp, 'create', undefined],
    ['anonymous web chat', DEMO_INTERACTIONS.anonymousWebchat, 'create', undefined],
    ['invalid number', DEMO_INTERACTIONS.invalidNumber, 'create', undefined],
  ];
  for (const [name, context, state, contactId] of matrix) {
    it(`${name} → ${state} in one request`, async () => {
      const { el, events } = await mountPop(context);
      expect(el.state).to.equal(state);
      expect(el.contact?.id).to.equal(contactId);
      expect(named(events, 'ucrm-resolved')).to.have.length(1);
      expect((await requests()).byRoute).to.deep.equal({ 'GET /interactions/resolve': 1 });
      await expect(el).to.be.accessible();
    });
  }

  it('shows the latest of rapid context changes, aborting the stale ones', async () => {
    await inject({ kind: 'hang', delayMs: 2000, count: 1 });
    const { el } = await mountView(
      html`<ucrm-interaction-view default-region="UY" .source=${source()}></ucrm-interaction-view>`,
    );
    el.interaction = DEMO_INTERACTIONS.sharedPhone;
    await el.updateComplete;
    el.interaction = DEMO_INTERACTIONS.knownEmail;
    await el.updateComplete;
    el.interaction = DEMO_INTERACTIONS.knownContactId;
    await settled(el);
    expect(el.state).to.equal('contact');
    expect(el.contact?.id).to.equal('demo-uy');
  });

  it('a double submit of the create form creates one contact on the server', async () => {
    const phone = freshPhone();
    const crm = source();
    const { el, events } = await mountPop({ channel: 'whatsapp', clientId: phone, campaign: 'sales' }, crm);
    expect(el.state).to.equal('create');
    typeInto(formControl(el, 'firstName'), 'Doble');
    typeInto(formControl(el, 'lastName'), 'Envío');
    const submit = form(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!;
    submit.click();
    submit.click();
    await until(() => el.state === 'contact', 'the created contact');
    expect(named(events, 'ucrm-contact-created')).to.have.length(1);
    const stored = await crm.findByIdentity({ kind: 'phone', value: phone });
    expect(stored.map((c) => c.id)).to.deep.equal([el.contact!.id]);
  });
});

describe('<ucrm-interaction-view> on the REST source: HTTP faults', () => {
  const faults: [string, () => Promise<unknown>, Partial<RestSourceOptions>, string][] = [
    ['500 after every retry', () => inject({ kind: 'status', status: 500, count: 3 }), {}, 'unavailable'],
    // A timeout far above any answer time of a busy machine (the Retry must not time out too), a hang far above it.
    ['a server that hangs past the timeout', () => inject({ kind: 'hang', delayMs: 30_000 }), { timeout: 4_000 }, 'timeout'],
    ['malformed JSON', () => inject({ kind: 'malformed' }), {}, 'unavailable'],
    // Chromium itself retries a reset keep-alive connection, so keep resetting until the server recovers.
    ['a connection reset', () => inject({ kind: 'reset', count: 50 }), {}, 'unavailable'],
  ];
  for (const [name, fault, options, code] of faults) {
    it(`${name}: a clear error with Retry, then recovery`, async () => {
      await fault();
      const { el, events } = await quietly(() => mountPop(DEMO_INTERACTIONS.knownContactId, source(options)));
      await until(() => el.state === 'error', 'the error');
      await el.updateComplete;
      const error = named(events, 'ucrm-error')[0]!.detail;
      expect(error).to.include({ operation: 'resolve', code });
      // The agent reads what to do, never the status or the server's text; those are in the event.
      expect(alertText(el)).to.not.contain(error.message);
      expect(alertText(el)).to.match(/try again/);
      await expect(el).to.be.accessible();
      // The server recovers; Retry brings the contact.
      await resetServer();
      button(sr(el).querySelector('[role=alert]')!, 'Retry').click();
      await settled(el);
      expect(el.state).to.equal('contact');
      expect(el.contact?.id).to.equal('demo-uy');
    });
  }

  it('connection refused: a clear error with Retry', async () => {
    const { el, events } = await quietly(() =>
      mountPop(DEMO_INTERACTIONS.knownContactId, source({ baseUrl: info.refusedUrl, retry: 0 })),
    );
    await until(() => el.state === 'error', 'the error');
    expect(named(events, 'ucrm-error')[0]!.detail).to.include({ operation: 'resolve', code: 'unavailable' });
    expect(alertText(el)).to.contain('The CRM did not answer. Check your connection and try again.');
    expect(named(events, 'ucrm-error')[0]!.detail.message).to.contain('cannot be reached');
    expect(button(sr(el).querySelector('[role=alert]')!, 'Retry').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('503 with Retry-After: waits and shows the contact without an error', async () => {
    await inject({ kind: 'status', status: 503, retryAfter: 1 });
    const { el, events } = await mountPop(DEMO_INTERACTIONS.knownContactId);
    await until(() => el.state === 'contact', 'the retried pop');
    expect(named(events, 'ucrm-error')).to.have.length(0);
    expect((await requests()).byRoute['GET /interactions/resolve']).to.equal(2);
  });

  it('a create that fails keeps what the agent typed, and Retry creates it once', async () => {
    const phone = freshPhone();
    const crm = source();
    const { el, events } = await mountPop({ channel: 'phone', clientId: phone, campaign: 'sales' }, crm);
    typeInto(formControl(el, 'firstName'), 'Persistente');
    typeInto(formControl(el, 'lastName'), 'Agente');
    await inject({ kind: 'status', status: 503, count: 3, path: '/contacts' });
    await quietly(async () => {
      form(el)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
      await until(() => el.state === 'error', 'the error');
    });
    await el.updateComplete;
    expect(named(events, 'ucrm-error')[0]!.detail).to.include({ operation: 'create', code: 'unavailable' });
    expect(formControl(el, 'firstName').value, 'typed data kept').to.equal('Persistente');
    expect(formControl(el, 'lastName').value).to.equal('Agente');
    await expect(el).to.be.accessible();
    button(sr(el).querySelector('[role=alert]')!, 'Retry').click();
    await until(() => el.state === 'contact', 'the retried create');
    expect(el.contact?.firstName).to.equal('Persistente');
    expect(named(events, 'ucrm-contact-created')).to.have.length(1);
    expect(await crm.findByIdentity({ kind: 'phone', value: phone })).to.have.length(1);
  });
});
