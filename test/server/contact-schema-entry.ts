// What test/server/contact-schema.test.mjs bundles (scripts/run-ts.mjs): the server's
// contact schemas and the definition they are built from.
export { contactSchemas, contactOpenApiSchemas } from '../../server/contact-schema.js';
export { CONTACT_FIELDS } from '../../src/core/contacts/index.js';
