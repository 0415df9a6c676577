/**
 * A fake Zoho CRM for the sync connector's tests (issue 22), written from
 * Zoho's published v8 API documentation: the accounts server's refresh-token
 * grant (which answers a refused grant with 200 and `{ error }`), Contacts
 * upsert with `duplicate_check_fields`, delete by ids and Merge Records —
 * with Zoho's per-record codes (SUCCESS, DUPLICATE_DATA, MANDATORY_NOT_FOUND,
 * INVALID_DATA) and its error bodies.
 *
 *   const zoho = await startZohoFake();
 *   zoho.url                // accounts and API base (http://127.0.0.1:<port>)
 *   zoho.credentials        // { clientId, clientSecret, refreshToken } it accepts
 *   zoho.records            // Map id → Contacts record
 *   zoho.counts             // { token, created, updated, deleted, merged, api }
 *   zoho.expireTokens()     // the next call answers 401 INVALID_TOKEN
 *   zoho.failNext({ status, body, headers }, times)
 *   zoho.limitNext(times, { retryAfter })   // 429 with X-RATELIMIT-* (and Retry-After when given)
 *   zoho.hangNext(times)    // the next API calls never answer (a timeout)
 *   zoho.mergeScheduled = true   // merges answer SCHEDULED with a job id
 *   startZohoFake({ rateLimit: { max: 100, intervalMs: 60_000 } })   // API calls per rolling window, then 429
 *   await zoho.close();
 *
 * The token endpoint, faults and server are oauth-crm-fake.mjs (shared with Salesforce's).
 */
import { randomBytes } from 'node:crypto';
import { EMAIL, json, startOAuthCrmFake } from './oauth-crm-fake.mjs';

const error = (code, message, details = {}) => ({ code, details, message, status: 'error' });
const LIMITS = { Last_Name: 80, First_Name: 40, Email: 100, Secondary_Email: 100, Phone: 30, Mobile: 30 };
const USER = { name: 'Sync User', id: '5725767000000411001' };

export async function startZohoFake({
  clientId = '1000.ZOHOCLIENT',
  clientSecret = 'zoho-client-secret',
  refreshToken = '1000.zoho-refresh-token',
  externalIdField = 'Ucrm_Id',
  rateLimit,
} = {}) {
  let nextId = 1;
  const uniqueFields = [externalIdField];
  const recent = [];

  /** The 429 of a rolling window spent, with the time it frees up in X-RATELIMIT-RESET (epoch ms), or undefined. */
  function windowSpent(now) {
    if (!rateLimit) return undefined;
    while (recent.length && recent[0] <= now - rateLimit.intervalMs) recent.shift();
    if (recent.length < rateLimit.max) {
      recent.push(now);
      return undefined;
    }
    return {
      status: 429,
      body: error('TOO_MANY_REQUESTS', 'too many requests'),
      headers: { 'x-ratelimit-limit': String(rateLimit.max), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(recent[0] + rateLimit.intervalMs) },
    };
  }

  const { fake, tokens } = await startOAuthCrmFake({
    credentials: { clientId, clientSecret, refreshToken },
    tokenPath: '/oauth/v2/token',
    grant,
    api: route,
    crashed: (cause) => error('INTERNAL_ERROR', String(cause)),
  });
  const { records, counts } = fake;
  Object.assign(fake, {
    mergeScheduled: false,
    /** Puts a Contact in the CRM as if a person had created it there. */
    seed(record) {
      const id = newId();
      records.set(id, { ...record, id, Created_Time: new Date().toISOString() });
      return id;
    },
    limitNext(times = 1, { retryAfter, resetInMs = 30_000 } = {}) {
      fake.failNext(
        () => ({
          status: 429,
          body: error('TOO_MANY_REQUESTS', 'too many requests'),
          headers: {
            'x-ratelimit-limit': '100',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Date.now() + resetInMs),
            ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
          },
        }),
        times,
      );
    },
  });

  function newId() {
    return String(5725767000000500000n + BigInt(nextId++));
  }

  const equal = (field, a, b) =>
    field === 'Email' ? String(a).toLowerCase() === String(b).toLowerCase() : String(a) === String(b);

  function problemOf(record, i, inserting) {
    if (inserting && (typeof record.Last_Name !== 'string' || !record.Last_Name.trim())) {
      return error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Last_Name', json_path: `$.data[${i}].Last_Name` });
    }
    if ('Last_Name' in record && !inserting && (record.Last_Name === null || record.Last_Name === '')) {
      return error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Last_Name', json_path: `$.data[${i}].Last_Name` });
    }
    for (const [name, max] of Object.entries(LIMITS)) {
      if (typeof record[name] === 'string' && record[name].length > max) {
        return error('INVALID_DATA', 'invalid data', { maximum_length: max, api_name: name, json_path: `$.data[${i}].${name}` });
      }
    }
    for (const name of ['Email', 'Secondary_Email']) {
      if (typeof record[name] === 'string' && record[name] && !EMAIL.test(record[name])) {
        return error('INVALID_DATA', 'invalid data', { expected_data_type: 'email', api_name: name, json_path: `$.data[${i}].${name}` });
      }
    }
    return undefined;
  }

  function upsert(body) {
    const checks = Array.isArray(body.duplicate_check_fields) ? body.duplicate_check_fields : ['Email'];
    return body.data.map((record, i) => {
      let target;
      let duplicateField = null;
      for (const field of checks) {
        const value = record[field];
        if (value === undefined || value === null || value === '') continue;
        target = [...records.values()].find((r) => r[field] != null && equal(field, r[field], value));
        if (target) {
          duplicateField = field;
          break;
        }
      }
      const problem = problemOf(record, i, !target);
      if (problem) return problem;
      for (const field of uniqueFields) {
        const value = record[field];
        if (value === undefined || value === null || value === '') continue;
        const clash = [...records.values()].find((r) => r !== target && r[field] != null && equal(field, r[field], value));
        if (clash) {
          return error('DUPLICATE_DATA', 'duplicate data', {
            api_name: field,
            json_path: `$.data[${i}].${field}`,
            duplicate_record: { Owner: USER, id: clash.id, module: { api_name: 'Contacts', id: '5725767000000002179' } },
          });
        }
      }
      const now = new Date().toISOString();
      const { id: _ignored, ...values } = record;
      if (target) {
        Object.assign(target, values, { Modified_Time: now });
        counts.updated += 1;
      } else {
        target = { ...values, id: newId(), Created_Time: now, Modified_Time: now };
        records.set(target.id, target);
        counts.created += 1;
      }
      return {
        code: 'SUCCESS',
        duplicate_field: duplicateField,
        action: duplicateField ? 'update' : 'insert',
        details: { Modified_Time: now, Modified_By: USER, Created_Time: target.Created_Time, id: target.id, Created_By: USER },
        message: duplicateField ? 'record updated' : 'record added',
        status: 'success',
      };
    });
  }

  /** The accounts server's refresh-token grant: a refused grant is a 200 with `{ error }`, as Zoho answers it. */
  function grant(form, target, issue) {
    for (const [key, value] of target.searchParams) if (!form.has(key)) form.set(key, value);
    if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
      return { status: 200, body: { error: 'invalid_client' } };
    }
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== fake.credentials.refreshToken) {
      return { status: 200, body: { error: 'invalid_code' } };
    }
    const token = `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
    issue(token);
    return { status: 200, body: { access_token: token, scope: 'ZohoCRM.modules.contacts.ALL', api_domain: fake.url, token_type: 'Bearer', expires_in: 3600 } };
  }

  /** The CRM API, after the call is counted and any scripted fault answered. */
  function route(req, res, { target, body }) {
    const spent = windowSpent(Date.now());
    if (spent) return json(res, spent.status, spent.body, spent.headers);

    const header = req.headers.authorization ?? '';
    const token = /^Zoho-oauthtoken (.+)$/.exec(header)?.[1];
    if (!token) return json(res, 401, error('AUTHENTICATION_FAILURE', 'Authentication failed'));
    if (!tokens.has(token)) return json(res, 401, error('INVALID_TOKEN', 'invalid oauth token'));
    const headers = { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99' };

    let parsed;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      return json(res, 400, error('INVALID_DATA', 'body is not a valid JSON'), headers);
    }

    if (req.method === 'POST' && target.pathname === '/crm/v8/Contacts/upsert') {
      if (!Array.isArray(parsed?.data) || parsed.data.length === 0) {
        return json(res, 400, error('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'data', json_path: '$.data' }), headers);
      }
      if (parsed.data.length > 100) {
        return json(res, 400, error('LIMIT_EXCEEDED', 'the limit has been exceeded', { limit: 100, api_name: 'data', json_path: '$.data' }), headers);
      }
      const data = upsert(parsed);
      const ok = data.filter((d) => d.status === 'success').length;
      return json(res, ok === data.length ? 200 : ok === 0 ? 400 : 207, { data }, headers);
    }
    if (req.method === 'DELETE' && target.pathname === '/crm/v8/Contacts') {
      const ids = (target.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      if (!ids.length) return json(res, 400, error('MANDATORY_NOT_FOUND', 'required param not found', { param_name: 'ids' }), headers);
      const data = ids.map((id) => {
        if (!records.delete(id)) return error('INVALID_DATA', 'the id given seems to be invalid', { id });
        counts.deleted += 1;
        return { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' };
      });
      return json(res, 200, { data }, headers);
    }
    const merge = /^\/crm\/v8\/Contacts\/(\d+)\/actions\/merge$/.exec(target.pathname);
    if (req.method === 'POST' && merge) {
      const master = merge[1];
      const children = parsed?.merge?.[0]?.data?.map((d) => d.id) ?? [];
      if (!records.has(master)) return json(res, 400, error('INVALID_DATA', 'Specified master record ID is invalid', { api_name: 'id' }), headers);
      if (children.length === 0 || children.length > 2 || parsed.merge.length > 1) {
        return json(res, 400, { data: [error('INVALID_DATA', 'invalid data', { api_name: 'data', json_path: '$.merge[0].data' })] }, headers);
      }
      const missing = children.find((id) => !records.has(id));
      if (missing) {
        return json(res, 400, { data: [error('INVALID_DATA', 'the id given seems to be invalid', { id: missing, api_name: 'id' })] }, headers);
      }
      for (const id of children) records.delete(id);
      counts.merged += 1;
      return json(
        res,
        200,
        {
          data: [
            fake.mergeScheduled
              ? { code: 'SCHEDULED', details: { job_id: `job-${counts.merged}` }, message: 'merge scheduled', status: 'success' }
              : { code: 'SUCCESS', details: { id: master }, message: 'records merged successfully', status: 'success' },
          ],
        },
        headers,
      );
    }
    return json(res, 404, error('INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'), headers);
  }

  return fake;
}
