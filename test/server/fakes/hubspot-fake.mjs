/**
 * A fake HubSpot CRM API for the sync tests and the bench, faithful to what
 * HubSpot's public docs say of the endpoints the connector uses:
 *   POST   /crm/v3/objects/contacts/batch/upsert   (≤ 100 inputs; idProperty: email or a unique property;
 *                                                   answers `results` with `new` and `objectWriteTraceId`)
 *   DELETE /crm/v3/objects/contacts/{id}           (archive; 204, 404 when unknown)
 *   POST   /crm/v3/objects/contacts/merge          ({ primaryObjectId, objectIdToMerge })
 *   POST   /crm/v3/properties/contacts             (409 OBJECT_ALREADY_EXISTS when it exists)
 *   GET    /account-info/v3/details                ({ portalId })
 * Private-app bearer auth (401 INVALID_AUTHENTICATION), HubSpot's error body
 * (`status`, `message`, `correlationId`, `category`), 400 VALIDATION_ERROR for
 * a whole batch when one input is invalid (unknown property, bad email, a
 * test rule), 409 CONFLICT for an email owned by another record, a rolling
 * rate limit answered 429 with `X-HubSpot-RateLimit-*` headers and
 * `policyName`, scripted 429/5xx bursts, and a hanging mode (the request is
 * applied, or not, and never answered: a timeout, or a crash mid-delivery).
 *
 *   const hubspot = await startHubSpotFake({ rateLimit: { max: 100, intervalMs: 10_000 } });
 *   hubspot.recordsFor(contactId)   // records whose ucrm_id is the contact id (or matched by email)
 *   hubspot.upserts(contactId)      // how many upsert inputs for it were applied
 *   hubspot.script(429, 3)          // the next 3 requests answer 429
 *   hubspot.hang({ apply: true })   // apply, then never answer; hubspot.hang(false) ends it
 */
import { randomUUID } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';

const KNOWN_PROPERTIES = new Set([
  'email', 'firstname', 'lastname', 'phone', 'mobilephone', 'company', 'jobtitle', 'lifecyclestage', 'hs_lead_status',
  'city', 'country', 'address', 'zip', 'state', 'website', 'hubspot_owner_id',
]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function problem(status, category, message, extra = {}) {
  return { status, body: { status: 'error', message, correlationId: randomUUID(), category, ...extra } };
}

export async function startHubSpotFake({ token = 'fake-hubspot-token', rateLimit = { max: 100, intervalMs: 10_000 }, dailyLimit, portalId = 4242 } = {}) {
  const records = new Map();
  const uniqueProperties = new Set();
  const customProperties = new Set();
  const applied = new Map();
  const requests = [];
  const scripted = [];
  const hanging = new Set();
  let hangMode;
  let rejectRule;
  let limit = rateLimit;
  let window = [];
  let today = 0;
  let nextId = 100_000;

  const byEmail = (email) => [...records.values()].find((r) => !r.archived && r.properties.email?.toLowerCase() === email.toLowerCase());
  const byProperty = (name, value) => [...records.values()].find((r) => !r.archived && r.properties[name] === value);

  function rateLimited(now) {
    if (dailyLimit && today >= dailyLimit) {
      return problem(429, 'RATE_LIMITS', 'You have reached your daily limit.', { errorType: 'RATE_LIMIT', policyName: 'DAILY' });
    }
    window = window.filter((t) => now - t < limit.intervalMs);
    if (window.length >= limit.max) {
      return problem(429, 'RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
    }
    window.push(now);
    today++;
    return undefined;
  }

  function validate(inputs) {
    if (!Array.isArray(inputs) || !inputs.length) return problem(400, 'VALIDATION_ERROR', 'Invalid input JSON: "inputs" must be a non-empty array');
    if (inputs.length > 100) return problem(400, 'VALIDATION_ERROR', 'Batch input limit exceeded: 100 inputs at most');
    const invalid = [];
    for (const input of inputs) {
      const { idProperty, id, properties = {} } = input ?? {};
      if (typeof id !== 'string' || !id) invalid.push({ isValid: false, message: 'id is required', error: 'REQUIRED', name: 'id' });
      if (idProperty !== 'email' && !uniqueProperties.has(idProperty)) {
        return problem(400, 'VALIDATION_ERROR', `Property "${idProperty}" is not a unique identifier property for contacts`);
      }
      for (const [name, value] of Object.entries(properties)) {
        if (!KNOWN_PROPERTIES.has(name) && !customProperties.has(name)) {
          invalid.push({ isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name });
        } else if (name === 'email' && value !== '' && !EMAIL.test(String(value))) {
          invalid.push({ isValid: false, message: `Email address ${value} is invalid`, error: 'INVALID_EMAIL', name });
        }
      }
      const rule = rejectRule?.(properties, input);
      if (rule) invalid.push({ isValid: false, message: rule, error: 'INVALID_OPTION', name: 'properties' });
    }
    if (invalid.length) return problem(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(invalid)}`);
    return undefined;
  }

  function upsert(inputs) {
    const invalid = validate(inputs);
    if (invalid) return invalid;
    // The whole batch or nothing: find every target first.
    const plan = inputs.map((input) => ({
      input,
      record: input.idProperty === 'email' ? byEmail(input.id) : byProperty(input.idProperty, input.id),
    }));
    for (const { input, record } of plan) {
      const email = input.properties?.email ?? (input.idProperty === 'email' ? input.id : undefined);
      const owner = email ? byEmail(email) : undefined;
      if (owner && owner !== record) return problem(409, 'CONFLICT', `Contact already exists. Existing ID: ${owner.id}`);
    }
    const now = new Date().toISOString();
    const results = plan.map(({ input, record }) => {
      const created = !record;
      const target = record ?? { id: String(nextId++), properties: {}, createdAt: now, archived: false };
      if (input.idProperty === 'email' && !target.properties.email) target.properties.email = input.id;
      if (input.idProperty !== 'email') target.properties[input.idProperty] = input.id;
      for (const [name, value] of Object.entries(input.properties ?? {})) target.properties[name] = String(value);
      target.updatedAt = now;
      records.set(target.id, target);
      const key = target.properties.ucrm_id ?? input.id;
      applied.set(key, (applied.get(key) ?? 0) + 1);
      return {
        id: target.id,
        properties: { ...target.properties, hs_object_id: target.id },
        createdAt: target.createdAt,
        updatedAt: now,
        archived: false,
        new: created,
        ...(input.objectWriteTraceId ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
      };
    });
    const started = new Date().toISOString();
    return { status: 200, body: { status: 'COMPLETE', results, requestedAt: started, startedAt: started, completedAt: new Date().toISOString() } };
  }

  function route(method, path, body) {
    if (method === 'POST' && path === '/crm/v3/objects/contacts/batch/upsert') return upsert(body?.inputs);
    if (method === 'GET' && path === '/account-info/v3/details') {
      return { status: 200, body: { portalId, accountType: 'STANDARD', timeZone: 'UTC', companyCurrency: 'USD', uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' } };
    }
    if (method === 'POST' && path === '/crm/v3/properties/contacts') {
      if (typeof body?.name !== 'string' || !body.name) return problem(400, 'VALIDATION_ERROR', 'name is required');
      if (customProperties.has(body.name) || KNOWN_PROPERTIES.has(body.name)) {
        return problem(409, 'OBJECT_ALREADY_EXISTS', `Property named '${body.name}' already exists.`);
      }
      customProperties.add(body.name);
      if (body.hasUniqueValue) uniqueProperties.add(body.name);
      return { status: 201, body: { ...body, createdAt: new Date().toISOString(), hubspotDefined: false } };
    }
    const archive = /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && archive) {
      const record = records.get(decodeURIComponent(archive[1]));
      if (!record || record.archived) return problem(404, 'OBJECT_NOT_FOUND', 'resource not found');
      record.archived = true;
      return { status: 204 };
    }
    if (method === 'POST' && path === '/crm/v3/objects/contacts/merge') {
      const primary = records.get(String(body?.primaryObjectId));
      const merged = records.get(String(body?.objectIdToMerge));
      if (!primary || !merged || primary.archived || merged.archived || primary === merged) {
        return problem(400, 'VALIDATION_ERROR', 'Merge needs two different, existing contacts');
      }
      merged.archived = true;
      merged.mergedInto = primary.id;
      return { status: 200, body: { id: primary.id, properties: primary.properties, createdAt: primary.createdAt, updatedAt: new Date().toISOString(), archived: false } };
    }
    return problem(404, 'OBJECT_NOT_FOUND', `No route for ${method} ${path}`);
  }

  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url, 'http://x').pathname;
    let body;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const entry = { method: req.method, path, at: Date.now(), inputs: body?.inputs?.length ?? 0 };
    requests.push(entry);
    const send = ({ status, body: answer, headers = {} }) => {
      entry.status = status;
      res.writeHead(status, { ...(answer ? { 'content-type': 'application/json;charset=utf-8' } : {}), ...headers });
      res.end(answer ? JSON.stringify(answer) : undefined);
    };
    if (req.headers.authorization !== `Bearer ${token}`) {
      return send(problem(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication.'));
    }
    const limitHeaders = () => ({
      'x-hubspot-ratelimit-interval-milliseconds': String(limit.intervalMs),
      'x-hubspot-ratelimit-max': String(limit.max),
      'x-hubspot-ratelimit-remaining': String(Math.max(0, limit.max - window.length)),
    });
    const step = scripted.shift();
    if (step === 429) {
      return send({ ...problem(429, 'RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' }), headers: { ...limitHeaders(), 'x-hubspot-ratelimit-remaining': '0' } });
    }
    if (typeof step === 'number') return send(problem(step, 'INTERNAL_ERROR', 'internal error'));
    const limited = rateLimited(Date.now());
    if (limited) return send({ ...limited, headers: { ...limitHeaders(), 'x-hubspot-ratelimit-remaining': '0' } });
    if (hangMode && path.includes('/batch/upsert')) {
      if (hangMode.apply) route(req.method, path, body);
      entry.status = 'hung';
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return undefined;
    }
    send({ ...route(req.method, path, body), headers: limitHeaders() });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    token,
    records,
    requests,
    /** Live (not archived) records for a contact: by its ucrm_id, else by its email. */
    recordsFor(contactId, email) {
      return [...records.values()].filter(
        (r) => !r.archived && (r.properties.ucrm_id === contactId || (email && r.properties.email?.toLowerCase() === email.toLowerCase())),
      );
    },
    /** Upsert inputs applied for a contact (keyed by its ucrm_id). */
    upserts(contactId) {
      return applied.get(contactId) ?? 0;
    },
    upsertRequests() {
      return requests.filter((r) => r.path.endsWith('/batch/upsert'));
    },
    /** The next requests answer these statuses (429 with HubSpot's headers, 5xx), one each. */
    script(status, times = 1) {
      for (let i = 0; i < times; i++) scripted.push(status);
    },
    /** `(properties) => message | undefined`: a message refuses the batch with HubSpot's 400. */
    reject(rule) {
      rejectRule = rule;
    },
    /** `{ apply }`: upserts are (or are not) applied and never answered; `false` answers nothing more and cuts them. */
    hang(mode) {
      hangMode = mode || undefined;
      if (!mode) for (const res of hanging) res.destroy();
    },
    hangingCount: () => hanging.size,
    setRateLimit(next) {
      limit = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
