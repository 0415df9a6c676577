/**
 * `api-base` selects the REST source from HTML alone, on the view and on a
 * provider. The test server requires a bearer token (which is never an
 * attribute), so an attribute-only page reaches it and gets a clear
 * "not allowed" error: proof the requests went to that server.
 */
import { expect, html } from '@open-wc/testing';
import '../src/define/ucrm-provider.js';
import { server, type ServerInfo } from './support/rest-server.js';
import { until } from './support/screen-pop-fixtures.js';
import { quietly } from './support/console.js';
import { alertText, mountView, named } from './support/view-harness.js';

let info: ServerInfo;
before(async () => {
  info = await server();
});

describe('api-base', () => {
  it('on <ucrm-interaction-view> sends the pop to that server', async () => {
    const { el, events } = await quietly(() =>
      mountView(html`<ucrm-interaction-view api-base=${info.url} client-id="099 123 456" channel="phone" default-region="UY"></ucrm-interaction-view>`),
    );
    await until(() => el.state === 'error', 'the server to refuse the unauthenticated pop');
    const [error] = named(events, 'ucrm-error');
    expect(error.detail).to.include({ operation: 'resolve', code: 'unauthorized' });
    expect(alertText(el)).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('on <ucrm-provider> gives descendants the REST source', async () => {
    const { el, events } = await quietly(() =>
      mountView(html`<ucrm-provider api-base=${info.url}>
        <ucrm-interaction-view client-id="ana@example.com" channel="email"></ucrm-interaction-view>
      </ucrm-provider>`),
    );
    await until(() => el.state === 'error', 'the server to refuse the unauthenticated pop');
    expect(named(events, 'ucrm-error')[0].detail.code).to.equal('unauthorized');
  });

  it('that is not a URL is reported, named, and the view keeps working', async () => {
    const { el, events } = await quietly(() =>
      mountView(html`<ucrm-interaction-view api-base="ftp://nope" channel="phone"></ucrm-interaction-view>`),
    );
    const [error] = named(events, 'ucrm-error');
    expect(error.detail).to.include({ operation: 'attribute:api-base', code: 'invalid' });
    expect(alertText(el)).to.contain('api-base="ftp://nope"');
    expect(el.state).to.equal('idle');
    await expect(el).to.be.accessible();
  });
});
