/**
 * What a webchat visitor filled in the pre-chat form (and what a bot
 * collected), shown above the messages: the same fields the element offers
 * the screen pop's create form (`preChatDraft`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ConversationStrings } from '../../i18n/strings/conversation.js';

export function renderPreChat(preChat: Readonly<Record<string, string>> | undefined, s: ConversationStrings): TemplateResult | typeof nothing {
  if (!preChat || !Object.keys(preChat).length) return nothing;
  return html`<details part="pre-chat" open>
    <summary>${s.preChat}</summary>
    <dl>
      ${Object.entries(preChat).map(([key, value]) => html`<div><dt>${key}</dt><dd>${value}</dd></div>`)}
    </dl>
    <p part="hint">${s.preChatHint}</p>
  </details>`;
}
