import DOMPurify from 'dompurify';

/**
 * Sanitizes email HTML (bodies, campaign signatures, restored drafts) before
 * it is shown in the editor or leaves the element: scripts, event handlers,
 * `javascript:` URLs and embedded documents are removed.
 */
export function sanitizeEmailHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
  });
}
