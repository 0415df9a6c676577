import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-wrap-up-timer.js';

interface Args {
  channel?: string;
  seconds?: number;
  deadline?: string;
  color?: string;
  lang?: string;
}

const meta: Meta<Args> = {
  title: 'Interactions/ucrm-wrap-up-timer',
  component: 'ucrm-wrap-up-timer',
  args: { seconds: 90 },
  render: ({ channel, seconds, deadline, color, lang }) =>
    html`<ucrm-wrap-up-timer
      lang=${lang ?? ''}
      channel=${channel ?? 'phone'}
      style=${color ? `--ucrm-wrap-up-color: ${color}` : ''}
      seconds=${seconds ?? ''}
      deadline=${deadline ?? ''}
      @ucrm-wrap-up-end=${(event: CustomEvent) => console.info('ucrm-wrap-up-end', event.detail)}
    ></ucrm-wrap-up-timer>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The campaign's 90 seconds counting down; click to end early. */
export const Running: Story = {};

/** A long wrap-up shows hours. */
export const Long: Story = { args: { seconds: 3725 } };

/** Themed through `--ucrm-wrap-up-color`. */
export const CustomColor: Story = { args: { color: '#0f766e' } };

/** After a WhatsApp conversation: wrap-up follows phone calls only, so nothing counts down. */
export const NotAfterChat: Story = { args: { channel: 'whatsapp' } };

/** The deadline had already passed: the period is over. */
export const Over: Story = { args: { seconds: undefined, deadline: '2020-01-01T00:00:00Z' } };

/** A campaign without wrap-up (0 seconds) shows nothing. */
export const NoWrapUp: Story = { args: { seconds: 0 } };

/** A malformed `deadline` is reported; the timer carries on from `seconds`. */
export const BadDeadline: Story = { args: { deadline: 'soon' } };

export const Spanish: Story = { args: { lang: 'es' } };

export const Portuguese: Story = { args: { lang: 'pt' } };
