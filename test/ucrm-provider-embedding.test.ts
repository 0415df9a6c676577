/**
 * Embedding from HTML alone: `token-source` names the page function that
 * gives the REST source its bearer token (on the provider and on a data
 * element), and `<ucrm-provider demo-data>` gives the elements inside the
 * embedded demo data, so a page with no script of its own shows a real pop.
 */
import { expect, html } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import '../src/define/ucrm-provider.js';
import { server, type ServerInfo } from './support/rest-server.js';
import { quietly } from './support/console.js';
import { alertText, mountView, named } from './support/view-harness.js';

const WAIT = { timeout: 30_000 };
const page = globalThis as unknown as Record<string, unknown>;

let info: ServerInfo;
before(async () => {
  info = await server();
  page['crmAuth'] = { token: info.token ?? '', getToken(this: { token: string }) { return Promise.resolve(this.token); } };
});

describe('embedding without script', () => {
  it('token-source on <ucrm-provider> gives api-base its token: the pop reaches the server and settles', async () => {
    const { el, events } = await mountView(html`<ucrm-provider api-base=${info.url} token-source="crmAuth.getToken" default-region="UY">
      <ucrm-interaction-view client-id="+598 98 765 432" channel="phone"></ucrm-interaction-view>
    </ucrm-provider>`);
    await waitUntil(() => el.state !== 'loading', 'the pop to settle', WAIT);
    expect(named(events, 'ucrm-error')).to.deep.equal([]);
    expect(el.state).to.be.oneOf(['contact', 'candidates', 'create']);
  });

  it('token-source on a data element works the same, and a function missing from the page is an unauthorized error', async () => {
    const ok = await mountView(html`<ucrm-interaction-view api-base=${info.url} token-source="crmAuth.getToken" client-id="+598 98 765 432" default-region="UY"></ucrm-interaction-view>`);
    await waitUntil(() => ok.el.state !== 'loading', 'the pop to settle', WAIT);
    expect(ok.el.state).to.not.equal('error');

    const missing = await quietly(() =>
      mountView(html`<ucrm-interaction-view api-base=${info.url} token-source="nowhere.getToken" client-id="+598 98 765 432"></ucrm-interaction-view>`),
    );
    await waitUntil(() => missing.el.state === 'error', 'the missing token reported', WAIT);
    const [error] = named(missing.events, 'ucrm-error');
    expect(error.detail).to.include({ operation: 'resolve', code: 'unauthorized' });
    // The developer's clue in the event; the agent reads what to do.
    expect(error.detail.message).to.contain('token-source="nowhere.getToken" names no function on this page');
    expect(alertText(missing.el)).to.not.contain('nowhere');
    expect(alertText(missing.el)).to.not.equal('');
  });

  it('reports a token-source that is not a function name, and keeps working', async () => {
    const { events } = await quietly(() =>
      mountView(html`<ucrm-provider api-base=${info.url} token-source="alert('x')"><ucrm-interaction-view></ucrm-interaction-view></ucrm-provider>`),
    );
    const [error] = named(events, 'ucrm-error');
    expect(error.detail).to.include({ operation: 'attribute:token-source', code: 'invalid' });
    expect(error.detail.message).to.contain(`token-source="alert('x')"`);
  });

  it('<ucrm-provider demo-data> pops a demo contact with no source set anywhere', async () => {
    const { el } = await mountView(html`<ucrm-provider demo-data default-region="UY">
      <ucrm-interaction-view client-id="(099) 555-123" channel="whatsapp" campaign="sales" view="reduced"></ucrm-interaction-view>
    </ucrm-provider>`);
    await waitUntil(() => el.state === 'contact', 'the demo contact', WAIT);
    expect(el.contact).to.deep.include({ firstName: 'Martín', lastName: 'González' });
    await expect(el).to.be.accessible();
  });
});
