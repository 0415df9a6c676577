/**
 * Message templates: the `{{1}}` / `{{name}}` placeholders they contain and
 * the text once the agent has filled them in.
 */
import type { Channel, MessageTemplate } from '../types.js';

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** Placeholder names in order of first appearance, each once. */
export function templateVariables(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

/**
 * The text with each placeholder replaced by its value. A placeholder
 * without a (non-blank) value stays as written, so the preview shows what is
 * still missing.
 */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value !== undefined && value.trim() !== '' ? value : whole;
  });
}

/** Variables of `body` that have no non-blank value. */
export function missingVariables(body: string, values: Readonly<Record<string, string>>): string[] {
  return templateVariables(body).filter((name) => !(values[name] ?? '').trim());
}

/** The campaign templates usable on `channel`. */
export function templatesFor(templates: readonly MessageTemplate[] | undefined, channel: Channel): MessageTemplate[] {
  return (templates ?? []).filter((template) => template.channel === channel);
}
