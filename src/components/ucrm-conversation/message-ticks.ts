/**
 * Status ticks with Meta's names (seed 002): a clock while pending, one grey
 * check when sent, two grey when delivered, two blue when read, a mark when
 * failed. Each is an image with its text alternative.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { MessageStatus } from '../../core/interactions/index.js';

const CHECK = svg`<path d="M1.5 8.5l3 3 7-7.5" />`;
const SECOND = svg`<path d="M7.5 11.5l7-7.5" /><path d="M6 10l1.5 1.5" />`;
const CLOCK = svg`<circle cx="8" cy="8" r="6" /><path d="M8 4.5V8l2.5 1.5" />`;
const FAILED = svg`<circle cx="8" cy="8" r="6.5" /><path d="M8 4.5v4.5M8 11v.5" />`;

const SHAPES: Record<MessageStatus, SVGTemplateResult> = {
  pending: CLOCK,
  sent: CHECK,
  delivered: svg`${CHECK}${SECOND}`,
  read: svg`${CHECK}${SECOND}`,
  failed: FAILED,
};

export function renderTick(status: MessageStatus, label: string): TemplateResult {
  return html`<svg part="tick tick-${status}" data-status=${status} role="img" aria-label=${label} viewBox="0 0 17 16" width="17" height="16">
    ${SHAPES[status]}
  </svg>`;
}
