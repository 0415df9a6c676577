import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-call-controls.js';
import type { SignalLevel } from '../src/core/interactions/index.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { callSimulator, conferenceOf, connectedCall, ringingCall, shadowPart, type StoryClock } from './call-samples.js';

interface Args {
  lang?: string;
}
interface Loaded {
  interactions: InteractionSource;
  id: string;
  clock: StoryClock;
}

const meta: Meta<Args> = {
  title: 'Workspace/ucrm-call-controls',
  component: 'ucrm-call-controls',
  render: ({ lang }, { loaded }) => {
    const { interactions, id, clock } = loaded as Loaded;
    return html`<div style="max-width: 36rem">
      <ucrm-call-controls
        lang=${lang ?? ''}
        interaction-id=${id}
        .interactions=${interactions}
        .clock=${clock}
        @ucrm-call-action=${(e: CustomEvent) => console.info('ucrm-call-action', e.detail)}
      ></ucrm-call-controls>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** A call in Pending, ringing: nothing to control until it is taken. */
export const Ringing: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await ringingCall(sim);
      return { interactions: sim, id: call.id, clock };
    },
  ],
};

/** Answered 2 min 15 s ago: every control live. */
export const Connected: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await connectedCall(sim, clock);
      return { interactions: sim, id: call.id, clock };
    },
  ],
};

export const Muted: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await connectedCall(sim, clock);
      await sim.call(call.id, { type: 'mute' });
      return { interactions: sim, id: call.id, clock };
    },
  ],
};

/** On hold: the customer hears music (the Hold control's description says so). */
export const Held: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await connectedCall(sim, clock);
      await sim.call(call.id, { type: 'hold' });
      return { interactions: sim, id: call.id, clock };
    },
  ],
};

/** The keypad open after the agent dialled 1 and #. */
export const Keypad: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await connectedCall(sim, clock);
      return { interactions: sim, id: call.id, clock };
    },
  ],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ucrm-call-controls')!;
    (await shadowPart(el, '[part~="control-keypad"][aria-disabled="false"]')).click();
  },
};

/** Parked by this agent: Unpark is theirs. */
export const ParkedByMe: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await connectedCall(sim, clock);
      await sim.call(call.id, { type: 'park' });
      return { interactions: sim, id: call.id, clock };
    },
  ],
};

/** Parked by Ana: the control says so and is disabled here (the source refuses too). */
export const ParkedByAnother: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await ringingCall(sim);
      await sim.simulateTakeByOther(call.id, 'agent-2');
      await sim.actAs('agent-2', { type: 'call-command', id: call.id, command: { type: 'park' } });
      return { interactions: sim, id: call.id, clock };
    },
  ],
};

/** An attended transfer's consultation: mute and end call keep working. */
export const Consulting: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await connectedCall(sim, clock);
      await sim.transfer(call.id, { to: { agentId: 'agent-2' }, mode: 'attended' });
      return { interactions: sim, id: call.id, clock };
    },
  ],
};

/** The call waits in the agent's conference room. */
export const InConference: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await connectedCall(sim, clock);
      await sim.sendToConference(call.id);
      return { interactions: sim, id: call.id, clock };
    },
  ],
};

/** The conference room itself: mute, Join, end. */
export const ConferenceRoom: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      await conferenceOf(sim, 3);
      const room = (await sim.list({ tab: 'active' })).find((i) => i.conferenceRoom)!;
      return { interactions: sim, id: room.id, clock };
    },
  ],
};

const withSignal = (level: SignalLevel): Story => ({
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await connectedCall(sim, clock);
      await sim.setSignal(call.id, level);
      return { interactions: sim, id: call.id, clock };
    },
  ],
});

/** Green bars, "Signal: good". */
export const SignalGood = withSignal('good');
/** Orange bars, "Signal: fair". */
export const SignalFair = withSignal('fair');
/** Red bar, "Signal: poor" with advice. */
export const SignalPoor = withSignal('poor');

/** The customer hung up: the timer stops, controls are disabled. */
export const Ended: Story = {
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const call = await connectedCall(sim, clock);
      await sim.simulateHangup(call.id);
      return { interactions: sim, id: call.id, clock };
    },
  ],
};

export const Spanish: Story = { ...Connected, args: { lang: 'es' } };
export const Portuguese: Story = { ...Held, args: { lang: 'pt' } };
