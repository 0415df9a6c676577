import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import '../src/define/ucrm-wrap-up-timer.js';
import type { UcrmWrapUpTimer } from '../src/components/ucrm-wrap-up-timer/ucrm-wrap-up-timer.js';
import type { UcrmWrapUpEndEvent } from '../src/events.js';
import { FakeClock } from './support/fake-clock.js';
import { quietly } from './support/console.js';

const part = (el: UcrmWrapUpTimer, name: string) => el.shadowRoot!.querySelector(`[part~=${name}]`);
const text = (el: UcrmWrapUpTimer, name: string) => part(el, name)?.textContent?.trim();
const reasons = (el: HTMLElement) => {
  const seen: string[] = [];
  el.addEventListener('ucrm-wrap-up-end', (e: UcrmWrapUpEndEvent) => seen.push(e.detail.reason));
  return seen;
};

async function advance(el: UcrmWrapUpTimer, clock: FakeClock, ms: number) {
  clock.tick(ms);
  await el.updateComplete;
}

describe('<ucrm-wrap-up-timer>', () => {
  let clock: FakeClock;
  beforeEach(() => {
    clock = new FakeClock();
  });

  it('counts the campaign’s seconds down as mm:ss, fixing an absolute deadline', async () => {
    const el = await fixture<UcrmWrapUpTimer>(html`<ucrm-wrap-up-timer .clock=${clock} seconds="90"></ucrm-wrap-up-timer>`);
    expect(text(el, 'time')).to.equal('01:30');
    expect(text(el, 'label')).to.equal('Wrap-up');
    expect(el.running).to.equal(true);
    expect(el.hasAttribute('running')).to.equal(true);
    expect(el.getAttribute('deadline')).to.equal(String(clock.time + 90_000));
    expect(text(el, 'announcer')).to.equal('Wrap-up started: 1 minute, 30 seconds to finish your notes.');
    await expect(el).to.be.accessible();

    await advance(el, clock, 1000);
    expect(text(el, 'time')).to.equal('01:29');
    await advance(el, clock, 500);
    expect(text(el, 'time')).to.equal('01:29');
    await advance(el, clock, 28_500);
    expect(text(el, 'time')).to.equal('01:00');
    // The live region does not repeat every second.
    expect(text(el, 'announcer')).to.contain('started');
  });

  it('fires timeout exactly once at zero, then shows that the wrap-up is over', async () => {
    const el = await fixture<UcrmWrapUpTimer>(html`<ucrm-wrap-up-timer .clock=${clock} seconds="3"></ucrm-wrap-up-timer>`);
    const seen = reasons(el);
    await advance(el, clock, 2999);
    expect(text(el, 'time')).to.equal('00:01');
    expect(seen).to.deep.equal([]);
    await advance(el, clock, 1);
    expect(seen).to.deep.equal(['timeout']);
    expect(el.running).to.equal(false);
    expect(el.hasAttribute('running')).to.equal(false);
    expect(part(el, 'button')).to.equal(null);
    expect(text(el, 'over')).to.equal('Wrap-up over');
    expect(text(el, 'announcer')).to.equal('Wrap-up time is over. You are available again.');
    await advance(el, clock, 60_000);
    expect(seen).to.deep.equal(['timeout']);
    expect(clock.pending).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('ends early when clicked (manual), once, and stops counting', async () => {
    const el = await fixture<UcrmWrapUpTimer>(html`<ucrm-wrap-up-timer .clock=${clock} seconds="60"></ucrm-wrap-up-timer>`);
    const seen = reasons(el);
    (part(el, 'button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(seen).to.deep.equal(['manual']);
    expect(text(el, 'announcer')).to.equal('Wrap-up ended. You are available again.');
    await advance(el, clock, 120_000);
    expect(seen).to.deep.equal(['manual']);
    expect(clock.pending).to.equal(0);
  });

  it('can be ended from the keyboard', async () => {
    const el = await fixture<UcrmWrapUpTimer>(html`<ucrm-wrap-up-timer .clock=${clock} seconds="60"></ucrm-wrap-up-timer>`);
    const seen = reasons(el);
    (part(el, 'button') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(seen).to.deep.equal(['manual']);
  });

  it('does not restart when the host re-renders it', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const view = () => html`<ucrm-wrap-up-timer .clock=${clock} seconds="90"></ucrm-wrap-up-timer>`;
    render(view(), host);
    const el = host.querySelector('ucrm-wrap-up-timer')!;
    await el.updateComplete;
    await advance(el, clock, 30_000);
    render(view(), host);
    await el.updateComplete;
    expect(text(el, 'time')).to.equal('01:00');
  });

  it('keeps its deadline when moved, and a new element given the deadline back carries on', async () => {
    const el = await fixture<UcrmWrapUpTimer>(html`<ucrm-wrap-up-timer .clock=${clock} seconds="90"></ucrm-wrap-up-timer>`);
    const parent = el.parentElement!;
    el.remove();
    clock.tick(20_000);
    parent.append(el);
    await el.updateComplete;
    expect(text(el, 'time')).to.equal('01:10');

    const deadline = el.deadline;
    el.remove();
    clock.tick(10_000);
    const again = await fixture<UcrmWrapUpTimer>(
      html`<ucrm-wrap-up-timer .clock=${clock} seconds="90" .deadline=${deadline}></ucrm-wrap-up-timer>`,
    );
    expect(text(again, 'time')).to.equal('01:00');
  });

  it('times out at once when re-attached after its deadline passed', async () => {
    const el = await fixture<UcrmWrapUpTimer>(html`<ucrm-wrap-up-timer .clock=${clock} seconds="10"></ucrm-wrap-up-timer>`);
    const seen = reasons(el);
    const parent = el.parentElement!;
    el.remove();
    clock.tick(60_000);
    expect(seen).to.deep.equal([]);
    parent.append(el);
    await el.updateComplete;
    expect(seen).to.deep.equal(['timeout']);
  });

  it('accepts an ISO deadline and starts a new period when given a new one', async () => {
    const el = await fixture<UcrmWrapUpTimer>(
      html`<ucrm-wrap-up-timer .clock=${clock} deadline="2030-01-01T00:02:05Z"></ucrm-wrap-up-timer>`,
    );
    const seen = reasons(el);
    expect(text(el, 'time')).to.equal('02:05');
    await advance(el, clock, 125_000);
    expect(seen).to.deep.equal(['timeout']);
    el.start(30);
    await el.updateComplete;
    expect(el.running).to.equal(true);
    expect(text(el, 'time')).to.equal('00:30');
    await advance(el, clock, 30_000);
    expect(seen).to.deep.equal(['timeout', 'timeout']);
  });

  it('shows nothing for a campaign without wrap-up (0 seconds)', async () => {
    const el = await fixture<UcrmWrapUpTimer>(html`<ucrm-wrap-up-timer .clock=${clock} seconds="0"></ucrm-wrap-up-timer>`);
    expect(el.running).to.equal(false);
    expect(part(el, 'button')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('wrap-up follows phone calls only: another channel never counts down and says so', async () => {
    const el = await fixture<UcrmWrapUpTimer>(
      html`<ucrm-wrap-up-timer .clock=${clock} seconds="30" channel="whatsapp"></ucrm-wrap-up-timer>`,
    );
    const seen = reasons(el);
    expect(el.running).to.equal(false);
    expect(part(el, 'button')).to.equal(null);
    expect(text(el, 'not-applicable')).to.equal('No wrap-up after WhatsApp interactions');
    el.start(10);
    await advance(el, clock, 60_000);
    expect(el.running, 'start() ignored').to.equal(false);
    expect(seen, 'never ends what never began').to.deep.equal([]);
    await expect(el).to.be.accessible();

    // The same element after a phone call counts down as usual.
    el.channel = 'phone';
    await el.updateComplete;
    expect(el.running).to.equal(true);
    expect(text(el, 'time')).to.equal('00:30');
    expect(part(el, 'not-applicable')).to.equal(null);
    // A chat arriving while it runs stops it silently.
    el.channel = 'email';
    await el.updateComplete;
    expect(el.running).to.equal(false);
    await advance(el, clock, 60_000);
    expect(seen).to.deep.equal([]);

    for (const [lang, expected] of [
      ['es', 'Sin post-llamada después de interacciones de Correo electrónico'],
      ['pt', 'Sem pós-atendimento após interações de E-mail'],
    ] as const) {
      el.setAttribute('lang', lang);
      await el.updateComplete;
      await el.updateComplete;
      expect(text(el, 'not-applicable')).to.equal(expected);
    }
  });

  it('reports a malformed deadline and keeps working from seconds', async () => {
    await quietly(async () => {
      const el = await fixture<UcrmWrapUpTimer>(
        html`<ucrm-wrap-up-timer .clock=${clock} deadline="tomorrow" seconds="45"></ucrm-wrap-up-timer>`,
      );
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('deadline="tomorrow"');
      expect(text(el, 'time')).to.equal('00:45');
      await expect(el).to.be.accessible();
    });
  });

  it('reports malformed seconds without starting', async () => {
    await quietly(async () => {
      const el = await fixture<UcrmWrapUpTimer>(html`<ucrm-wrap-up-timer .clock=${clock} seconds="soon"></ucrm-wrap-up-timer>`);
      expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('seconds="soon"');
      expect(el.running).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  it('speaks Spanish and Portuguese and formats hours', async () => {
    const es = await fixture<UcrmWrapUpTimer>(
      html`<ucrm-wrap-up-timer lang="es" .clock=${clock} seconds="3725"></ucrm-wrap-up-timer>`,
    );
    expect(text(es, 'label')).to.equal('Post-llamada');
    expect(text(es, 'time')).to.equal('1:02:05');
    expect(text(es, 'announcer')).to.contain('1 hora, 2 minutos y 5 segundos');
    const pt = await fixture<UcrmWrapUpTimer>(html`<ucrm-wrap-up-timer lang="pt" .clock=${clock} seconds="1"></ucrm-wrap-up-timer>`);
    expect(text(pt, 'label')).to.equal('Pós-atendimento');
    await expect(pt).to.be.accessible();
  });
});
