import { expect } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { createLoopbackCallAdapter } from '../demo/loopback-call-adapter.js';
import { createSimulatedInteractionSource } from '../src/data/interactions/simulated-source.js';

/**
 * The demo's CallAdapter on two RTCPeerConnections in one page (no PBX):
 * the simulated source drives the real media, and getStats() feeds the
 * signal-quality function. Waits only on conditions (the connection, the
 * tones, a report with audio). The adapter is made from a key press, as a
 * page makes it from a click: browsers let audio start only after a gesture.
 */
describe('demo/loopback-call-adapter', function () {
  this.timeout(60000);

  it('mute, hold, keypad and hang-up reach the media; getStats feeds the signal level', async () => {
    const button = document.body.appendChild(document.createElement('button'));
    button.textContent = 'Start the loopback call';
    const made = new Promise<Awaited<ReturnType<typeof createLoopbackCallAdapter>>>((resolve, reject) =>
      button.addEventListener('click', () => createLoopbackCallAdapter({ statsEveryMs: 250 }).then(resolve, reject)),
    );
    button.focus();
    await sendKeys({ press: 'Enter' });
    const adapter = await made;
    button.remove();
    await waitUntil(() => adapter.agent.connectionState === 'connected', 'the loopback call connects', { timeout: 20000 });
    const sim = createSimulatedInteractionSource({
      agentId: 'a',
      campaigns: [{ id: 'c', name: 'C', channels: ['phone'], outboundChannels: [] }],
      callAdapter: adapter,
    });
    const call = (await sim.simulateInbound({ channel: 'phone', campaign: 'c', clientId: '+59899111222' }))!;
    await sim.take(call.id);

    await sim.call(call.id, { type: 'mute' });
    expect(adapter.sending).to.equal(false);
    await sim.call(call.id, { type: 'unmute' });
    expect(adapter.sending).to.equal(true);
    await sim.call(call.id, { type: 'hold' });
    expect(adapter.sending).to.equal(false);
    await sim.call(call.id, { type: 'resume' });
    expect(adapter.sending).to.equal(true);
    await sim.call(call.id, { type: 'dtmf', digits: '12#' });
    await waitUntil(() => adapter.tones.join('') === '12#', 'the keypad tones', { timeout: 20000 });

    await waitUntil(
      async () => {
        await adapter.sampleNow();
        return adapter.signal.mos !== undefined;
      },
      'a statistics report with audio',
      { timeout: 20000, interval: 250 },
    );
    // A loopback line is as good as it gets.
    expect(adapter.signal.mos).to.be.greaterThan(4);
    expect((await sim.get(call.id))!.call!.signal).to.equal('good');

    await sim.call(call.id, { type: 'hangup' });
    expect(adapter.agent.connectionState).to.equal('closed');
    sim.dispose();
  });
});
