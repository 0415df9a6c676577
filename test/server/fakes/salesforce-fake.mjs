/**
 * A fake Salesforce org for the sync connector's tests (issue 22), written
 * from the published REST API documentation: the OAuth2 token endpoint
 * (refresh-token grant), the Contact sObject Collections (update by id,
 * upsert by an external-id field, delete), SOQL query, and the SOAP
 * `merge()` call — with Salesforce's status codes and error bodies.
 *
 *   const sf = await startSalesforceFake();
 *   sf.url                  // login and instance URL (http://127.0.0.1:<port>)
 *   sf.credentials          // { clientId, clientSecret, refreshToken } it accepts
 *   sf.records              // Map id → Contact fields (with CreatedDate)
 *   sf.counts               // { token, created, updated, deleted, merged, api }
 *   sf.expireTokens()       // the next call answers 401 INVALID_SESSION_ID
 *   sf.failNext({ status, body, headers }, times)   // the next API calls answer this
 *   sf.limitNext(times, { retryAfter })             // 403 REQUEST_LIMIT_EXCEEDED (or 429 with retryAfter)
 *   sf.hangNext(times)      // the next API calls never answer (a timeout)
 *   sf.blockDuplicates = true   // a duplicate rule: creating a second Contact with an email is refused
 *   startSalesforceFake({ dailyLimit: 15_000 })   // API calls allowed, then 403 REQUEST_LIMIT_EXCEEDED
 *   await sf.close();
 *
 * Every answer is JSON like the real API's (the SOAP call answers XML); the
 * token endpoint, faults and server are oauth-crm-fake.mjs (shared with Zoho's).
 */
import { randomBytes } from 'node:crypto';
import { EMAIL, json, startOAuthCrmFake } from './oauth-crm-fake.mjs';

const LIMITS = { LastName: 80, FirstName: 40, Email: 80, Phone: 40, MobilePhone: 40 };

export async function startSalesforceFake({
  clientId = 'sf-client-id',
  clientSecret = 'sf-client-secret',
  refreshToken = 'sf-refresh-token',
  externalIdField = 'Ucrm_Id__c',
  dailyLimit = 15_000,
} = {}) {
  const deleted = new Set();
  let nextId = 1;
  const fields = new Set(['Id', 'FirstName', 'LastName', 'Email', 'Phone', 'MobilePhone', 'HasOptedOutOfEmail', 'DoNotCall', externalIdField]);

  const { fake, tokens } = await startOAuthCrmFake({
    credentials: { clientId, clientSecret, refreshToken },
    tokenPath: '/services/oauth2/token',
    grant,
    api: route,
    crashed: (error) => [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }],
  });
  const { records, counts } = fake;
  Object.assign(fake, {
    blockDuplicates: false,
    /** Puts a Contact in the org as if a person had created it there. */
    seed(record) {
      const id = newId();
      records.set(id, { ...record, Id: id, CreatedDate: new Date().toISOString() });
      return id;
    },
    limitNext(times = 1, { retryAfter } = {}) {
      const body = [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }];
      fake.failNext(
        retryAfter === undefined
          ? { status: 403, body }
          : { status: 429, body, headers: { 'retry-after': String(retryAfter) } },
        times,
      );
    },
  });

  function newId() {
    // 18 characters, Contact key prefix 003, like a real record id.
    return `003UC${String(nextId++).padStart(13, '0')}`;
  }

  function validate(record, creating) {
    const errors = [];
    for (const name of Object.keys(record)) {
      if (name !== 'attributes' && name !== 'id' && !fields.has(name)) {
        return { fatal: { status: 400, body: [{ message: `No such column '${name}' on sobject of type Contact`, errorCode: 'INVALID_FIELD' }] } };
      }
    }
    const lastName = creating ? record.LastName : 'LastName' in record ? record.LastName : 'kept';
    if (lastName === undefined || lastName === null || String(lastName).trim() === '') {
      errors.push({ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] });
    }
    for (const [name, max] of Object.entries(LIMITS)) {
      if (typeof record[name] === 'string' && record[name].length > max) {
        errors.push({
          statusCode: 'STRING_TOO_LONG',
          message: `${name}: data value too large: ${record[name].slice(0, 20)}... (max length=${max})`,
          fields: [name],
        });
      }
    }
    if (typeof record.Email === 'string' && record.Email && !EMAIL.test(record.Email)) {
      errors.push({ statusCode: 'INVALID_EMAIL_ADDRESS', message: `Email: invalid email address: ${record.Email}`, fields: ['Email'] });
    }
    return { errors };
  }

  function duplicateOf(record, exceptId) {
    if (!fake.blockDuplicates || typeof record.Email !== 'string' || !record.Email) return undefined;
    return fake.withEmail(record.Email).find((r) => r.Id !== exceptId);
  }

  const duplicateError = () => ({
    statusCode: 'DUPLICATES_DETECTED',
    message: 'Use one of these records?',
    fields: [],
  });

  function write(record, existing) {
    const { attributes: _attributes, id: _id, Id: _Id, ...values } = record;
    if (existing) {
      Object.assign(existing, values);
      counts.updated += 1;
      return existing.Id;
    }
    const id = newId();
    records.set(id, { ...values, Id: id, CreatedDate: new Date().toISOString() });
    counts.created += 1;
    return id;
  }

  function updateById(body) {
    return body.records.map((record) => {
      const id = record.id ?? record.Id;
      const existing = records.get(id);
      if (!existing) {
        return {
          id,
          success: false,
          errors: [
            deleted.has(id)
              ? { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }
              : { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] },
          ],
        };
      }
      const { errors } = validate(record, false);
      if (errors.length) return { id, success: false, errors };
      if (duplicateOf({ ...existing, ...record }, id) && 'Email' in record) {
        return { id, success: false, errors: [duplicateError()] };
      }
      write(record, existing);
      return { id, success: true, errors: [] };
    });
  }

  function upsertByExternalId(field, body) {
    return body.records.map((record) => {
      const key = record[field];
      if (key === undefined || key === null || key === '') {
        return { success: false, errors: [{ statusCode: 'MISSING_ARGUMENT', message: `${field} not specified`, fields: [] }] };
      }
      const existing = [...records.values()].find((r) => r[field] === key);
      const { errors } = validate(record, !existing);
      if (errors.length) return { success: false, errors };
      if (duplicateOf(existing ? { ...existing, ...record } : record, existing?.Id)) {
        return { success: false, errors: [duplicateError()] };
      }
      const id = write(record, existing);
      return { id, success: true, errors: [], created: !existing };
    });
  }

  function query(soql) {
    const match = /FROM\s+Contact\s+WHERE\s+Email\s+IN\s*\((.*)\)/i.exec(soql);
    if (!match) {
      return { status: 400, body: [{ message: 'unexpected token', errorCode: 'MALFORMED_QUERY' }] };
    }
    const wanted = new Set();
    for (const literal of match[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)) {
      wanted.add(literal[1].replace(/\\(.)/g, '$1').toLowerCase());
    }
    const found = [...records.values()]
      .filter((r) => typeof r.Email === 'string' && wanted.has(r.Email.toLowerCase()))
      .sort((a, b) => a.CreatedDate.localeCompare(b.CreatedDate));
    return {
      status: 200,
      body: {
        totalSize: found.length,
        done: true,
        records: found.map((r) => ({
          attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${r.Id}` },
          Id: r.Id,
          Email: r.Email ?? null,
          [externalIdField]: r[externalIdField] ?? null,
        })),
      },
    };
  }

  function soapMerge(xml, res) {
    const session = /<sessionId>([^<]*)<\/sessionId>/.exec(xml)?.[1];
    const envelope = (inner) =>
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
      `xmlns="urn:partner.soap.sforce.com"><soapenv:Body>${inner}</soapenv:Body></soapenv:Envelope>`;
    if (!session || !tokens.has(session)) {
      res.writeHead(500, { 'content-type': 'text/xml;charset=UTF-8' });
      res.end(
        envelope(
          '<soapenv:Fault><faultcode>sf:INVALID_SESSION_ID</faultcode>' +
            '<faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session</faultstring></soapenv:Fault>',
        ),
      );
      return;
    }
    const master = /<masterRecord[^>]*>[\s\S]*?<Id>([^<]*)<\/Id>[\s\S]*?<\/masterRecord>/.exec(xml)?.[1];
    const victims = [...xml.matchAll(/<recordToMergeIds>([^<]*)<\/recordToMergeIds>/g)].map((m) => m[1]);
    let result;
    const missing = [master, ...victims].find((id) => !records.has(id));
    if (victims.length > 2) {
      result = '<errors><message>Cannot merge more than 3 records</message><statusCode>INVALID_OPERATION</statusCode></errors><success>false</success>';
    } else if (missing) {
      result =
        `<errors><message>entity is deleted</message><statusCode>ENTITY_IS_DELETED</statusCode></errors><id>${master}</id><success>false</success>`;
    } else {
      for (const id of victims) {
        records.delete(id);
        deleted.add(id);
      }
      counts.merged += 1;
      result = `<id>${master}</id>${victims.map((id) => `<mergedRecordIds>${id}</mergedRecordIds>`).join('')}<success>true</success>`;
    }
    res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' });
    res.end(envelope(`<mergeResponse><result>${result}</result></mergeResponse>`));
  }

  /** The refresh-token grant, with Salesforce's OAuth error answers. */
  function grant(form, _target, issue) {
    if (form.get('grant_type') !== 'refresh_token') {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant type not supported' } };
    }
    if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
      return { status: 400, body: { error: 'invalid_client', error_description: 'invalid client credentials' } };
    }
    if (form.get('refresh_token') !== fake.credentials.refreshToken) {
      return { status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } };
    }
    const token = `00DUC0000000001!${randomBytes(24).toString('base64url')}`;
    issue(token);
    return {
      status: 200,
      body: {
        access_token: token,
        signature: randomBytes(32).toString('base64'),
        scope: 'api refresh_token',
        instance_url: fake.url,
        id: `${fake.url}/id/00DUC0000000001AAA/005UC0000000001AAA`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
      },
    };
  }

  /** The REST and SOAP API, after the call is counted and any scripted fault answered. */
  function route(req, res, { target, body }) {
    if (req.method === 'POST' && /^\/services\/Soap\/u\/[\d.]+$/.test(target.pathname)) return soapMerge(body, res);

    const api = /^\/services\/data\/v[\d.]+(\/.*)$/.exec(target.pathname);
    if (!api) return json(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) {
      return json(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    }
    if (counts.api > dailyLimit) {
      return json(res, 403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    }
    const headers = { 'sforce-limit-info': `api-usage=${counts.api}/${dailyLimit}` };
    const path = api[1];
    let parsed;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      return json(res, 400, [{ message: 'Unexpected character', errorCode: 'JSON_PARSER_ERROR' }], headers);
    }

    if (req.method === 'GET' && path === '/query') {
      const answer = query(target.searchParams.get('q') ?? '');
      return json(res, answer.status, answer.body, headers);
    }
    if (path.startsWith('/composite/sobjects')) {
      if (req.method === 'DELETE' && path === '/composite/sobjects') {
        const ids = (target.searchParams.get('ids') ?? '').split(',').filter(Boolean);
        return json(
          res,
          200,
          ids.map((id) => {
            if (!records.has(id)) {
              return { id, success: false, errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }] };
            }
            records.delete(id);
            deleted.add(id);
            counts.deleted += 1;
            return { id, success: true, errors: [] };
          }),
          headers,
        );
      }
      if (req.method !== 'PATCH' || !Array.isArray(parsed?.records)) {
        return json(res, 400, [{ message: 'Invalid request', errorCode: 'INVALID_REQUEST' }], headers);
      }
      if (parsed.records.length > 200) {
        return json(res, 400, [{ message: 'Maximum number of records: 200', errorCode: 'EXCEEDED_ID_LIMIT' }], headers);
      }
      for (const record of parsed.records) {
        const problem = validate(record, false).fatal;
        if (problem) return json(res, problem.status, problem.body, headers);
      }
      if (path === '/composite/sobjects') return json(res, 200, updateById(parsed), headers);
      const upsert = /^\/composite\/sobjects\/Contact\/(\w+)$/.exec(path);
      if (upsert) {
        if (!fields.has(upsert[1])) {
          return json(res, 404, [{ message: `Provided external ID field does not exist or is not accessible: ${upsert[1]}`, errorCode: 'NOT_FOUND' }], headers);
        }
        return json(res, 200, upsertByExternalId(upsert[1], parsed), headers);
      }
    }
    return json(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], headers);
  }

  return fake;
}
