import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-conference.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { callSimulator, conferenceOf, type StoryClock } from './call-samples.js';

interface Args {
  lang?: string;
}
interface Loaded {
  interactions: InteractionSource;
  clock: StoryClock;
}

const meta: Meta<Args> = {
  title: 'Workspace/ucrm-conference',
  component: 'ucrm-conference',
  render: ({ lang }, { loaded }) => {
    const { interactions, clock } = loaded as Loaded;
    return html`<div style="max-width: 32rem">
      <ucrm-conference lang=${lang ?? ''} .interactions=${interactions} .clock=${clock}></ucrm-conference>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const room = (count: number, then?: (sim: ReturnType<typeof callSimulator>['sim'], ids: string[]) => Promise<void>): Story => ({
  loaders: [
    async () => {
      const { sim, clock } = callSimulator();
      const ids = await conferenceOf(sim, count);
      await then?.(sim, ids);
      return { interactions: sim, clock };
    },
  ],
});

/** Nobody sent yet. */
export const Empty = room(0);

/** Three customers waiting; the agent has not joined. */
export const Waiting = room(3);

/** Joined; one participant speaking, one muted. */
export const Joined = room(3, async (sim, ids) => {
  await sim.joinConference();
  await sim.simulateSpeaking(ids[0]!, true);
  await sim.muteParticipant(ids[2]!, true);
});

/** Mute all: every participant muted (the agent is not one). */
export const AllMuted = room(3, async (sim) => {
  await sim.joinConference();
  await sim.muteAll();
});

/** Twenty participants (seed 002: no limit); the list scrolls. */
export const TwentyParticipants = room(20, async (sim, ids) => {
  await sim.joinConference();
  await sim.simulateSpeaking(ids[4]!, true);
  await sim.simulateSpeaking(ids[11]!, true);
});

export const Spanish: Story = { ...Joined, args: { lang: 'es' } };
