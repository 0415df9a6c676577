import { ContextRoot } from '@lit/context';

const rooted = new WeakSet<Document>();

/**
 * Makes a `<ucrm-provider>` reach the elements inside it whatever the order
 * in which they were registered, upgraded or inserted. An element upgraded
 * before the provider above it asks for its source when nobody can answer
 * yet; a `ContextRoot` on the document keeps that unanswered request and
 * replays it when a provider announces itself (on its upgrade or insertion).
 * Called by each consuming element before it first asks, so the root is in
 * place before any request; once per document.
 */
export function ensureContextRoot(document: Document): void {
  if (rooted.has(document)) return;
  rooted.add(document);
  // attach() only adds two listeners; a Document takes them like an element.
  new ContextRoot().attach(document as unknown as HTMLElement);
}
