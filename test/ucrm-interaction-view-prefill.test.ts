/**
 * An unknown webchat visitor's pre-chat data (issue 20, seed 004) offered to
 * the screen pop's create form through `prefill`: the empty fields show it,
 * nothing the agent typed is overwritten, and creating sends it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/ucrm-agent-workspace.js';
import '../src/define/ucrm-provider.js';
import type { UcrmAgentWorkspace } from '../src/components/ucrm-agent-workspace/ucrm-agent-workspace.js';
import type { UcrmInteractionView } from '../src/components/ucrm-interaction-view/ucrm-interaction-view.js';
import { createLocalSource } from '../src/data/local-source.js';
import { AGENT, CAMPAIGNS, shadowOf, simulator } from './support/workspace-harness.js';
import type { ContactDraft } from '../src/core/types.js';
import { contactDraftFromPreChat } from '../src/core/interactions/index.js';
import { localScreenPop, until } from './support/screen-pop-fixtures.js';
import { form, formControl, mountView, named, settled, text, typeInto } from './support/view-harness.js';

const PRE_CHAT = { name: 'Rich Key', email: 'rich@example.com', country: 'UY', timeZone: 'America/Montevideo' };

function spying(source: ReturnType<typeof localScreenPop>['source']) {
  const created: ContactDraft[] = [];
  const spy = Object.create(source) as typeof source;
  spy.createContact = (draft, options) => {
    created.push(draft);
    return source.createContact(draft, options);
  };
  return { spy, created };
}

const submit = (el: Element) => form(el as never)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=submit]')!.click();

describe('<ucrm-interaction-view> prefill', function () {
  this.timeout(60000);

  it("shows an unknown visitor's pre-chat name and email in the create form, and creating sends them", async () => {
    const { source } = localScreenPop();
    const { spy, created } = spying(source);
    const prefill = contactDraftFromPreChat(PRE_CHAT);
    const { el, events } = await mountView(
      html`<ucrm-interaction-view client-id="visitor-rich" channel="webchat" .prefill=${prefill} .source=${spy}></ucrm-interaction-view>`,
    );
    expect(el.state).to.equal('create');
    await until(() => !!form(el)?.shadowRoot?.getElementById('firstName'), 'the create form');
    expect(formControl(el, 'firstName').value).to.equal('Rich');
    expect(formControl(el, 'lastName').value).to.equal('Key');
    expect(formControl(el, 'email-0').value).to.equal('rich@example.com');
    expect(text(el.shadowRoot)).to.contain('Some fields hold what the customer already gave');
    await expect(el).to.be.accessible();

    submit(el);
    await until(() => el.state === 'contact', 'the created contact');
    expect(named(events, 'ucrm-contact-created')).to.have.length(1);
    expect(created).to.have.length(1);
    expect(created[0]).to.deep.include({ firstName: 'Rich', lastName: 'Key', emails: ['rich@example.com'], leadStage: 'Lead' });
    expect(created[0]!.identities).to.deep.include({ kind: 'webchat', value: 'visitor-rich' });
    expect(created[0]!.custom).to.deep.include({ country: 'UY', timeZone: 'America/Montevideo' });
    expect(await source.findByIdentity({ kind: 'email', value: 'rich@example.com' })).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('never overwrites what the agent typed: a later prefill fills only the fields left alone', async () => {
    const { source } = localScreenPop();
    const { spy, created } = spying(source);
    const { el } = await mountView(
      html`<ucrm-interaction-view client-id="visitor-late" channel="webchat" .source=${spy}></ucrm-interaction-view>`,
    );
    await until(() => !!form(el)?.shadowRoot?.getElementById('firstName'), 'the create form');
    expect(text(el.shadowRoot)).to.not.contain('already gave');
    typeInto(formControl(el, 'firstName'), 'Richard');
    typeInto(formControl(el, 'email-0'), 'typed@example.org');
    await form(el)!.updateComplete;

    // The bot collects the visitor's name and email after the agent started typing.
    el.prefill = contactDraftFromPreChat(PRE_CHAT);
    await settled(el);
    await form(el)!.updateComplete;
    expect(formControl(el, 'firstName').value).to.equal('Richard');
    expect(formControl(el, 'lastName').value).to.equal('Key');
    expect(formControl(el, 'email-0').value).to.equal('typed@example.org');

    // A newer offer replaces an earlier one the agent left alone, never what they typed.
    el.prefill = contactDraftFromPreChat({ ...PRE_CHAT, name: 'Rich Keyes', phone: '+59899555777' });
    await settled(el);
    await form(el)!.updateComplete;
    expect(formControl(el, 'firstName').value).to.equal('Richard');
    expect(formControl(el, 'lastName').value).to.equal('Keyes');
    expect(formControl(el, 'phone-0').value).to.equal('+59899555777');
    await expect(el).to.be.accessible();

    submit(el);
    await until(() => el.state === 'contact', 'the created contact');
    expect(created[0]).to.deep.include({ firstName: 'Richard', lastName: 'Keyes', emails: ['typed@example.org'] });
    expect(created[0]!.phones).to.have.length(1);
  });

  it("<ucrm-agent-workspace> hands a webchat visitor's pre-chat data to its screen pop", async () => {
    const { sim } = simulator();
    const crm = createLocalSource({ persist: false, contacts: [], campaigns: CAMPAIGNS, defaultRegion: 'UY' });
    const el = await fixture<UcrmAgentWorkspace>(html`<ucrm-provider .source=${crm} .interactions=${sim} default-region="UY">
      <ucrm-agent-workspace lang="en" agent-id=${AGENT} style="--ucrm-workspace-height: 640px; width: 1200px"></ucrm-agent-workspace>
    </ucrm-provider>`).then((provider) => provider.querySelector<UcrmAgentWorkspace>('ucrm-agent-workspace')!);
    const inbound = (await sim.simulateInbound({ channel: 'webchat', campaign: 'support', clientId: 'visitor-ws', text: 'Hi', preChat: PRE_CHAT }))!;
    const inbox = () => shadowOf(el).querySelector('ucrm-inbox');
    await until(() => !!inbox()?.shadowRoot?.querySelector(`[data-id="${inbound.id}"] [part~="item"]`), 'the webchat in the inbox');
    inbox()!.shadowRoot!.querySelector<HTMLButtonElement>(`[data-id="${inbound.id}"] [part~="item"]`)!.click();
    const pop = () => shadowOf(el).querySelector<UcrmInteractionView>('ucrm-interaction-view');
    await until(() => pop()?.state === 'create', 'the create form in the screen pop');
    expect(pop()!.prefill).to.deep.include({ firstName: 'Rich', lastName: 'Key', emails: ['rich@example.com'] });
    await until(() => !!form(pop()!)?.shadowRoot?.getElementById('firstName'), 'the create form');
    expect(formControl(pop()!, 'email-0').value).to.equal('rich@example.com');
  });
});
