// The documented REST API, as the web interface calls it. Every call sends the session cookie;
// calls that change something echo the XSRF-TOKEN cookie (CSRF protection for the session).

/** An answer other than 2xx: the API's problem detail, with every import problem if it lists them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || `HTTP ${status}`;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}

async function call(method, path, { body, contentType, ifMatch, raw } = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (ifMatch != null) headers['If-Match'] = `"${ifMatch}"`;
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && !(body instanceof ArrayBuffer)) {
    payload = JSON.stringify(body);
    contentType = contentType || 'application/json';
  }
  if (contentType) headers['Content-Type'] = contentType;
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { title: 'No connection', detail: `Fulcrum's server cannot be reached (${e.message}).` });
  }
  if (response.status === 401) {
    window.location.assign('/login');
    throw new ApiError(401, { title: 'Signed out', detail: 'Your session has ended; sign in again.' });
  }
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch (e) {
      problem = { title: `HTTP ${response.status}`, detail: response.statusText };
    }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  const etag = response.headers.get('ETag');
  const data = response.status === 204 ? null : await response.json();
  return etag ? { data, version: etag.replaceAll('"', '') } : data;
}

const q = params => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') s.set(k, v);
  }
  const text = s.toString();
  return text ? `?${text}` : '';
};

export const api = {
  get: (path, params) => call('GET', path + q(params)),
  post: (path, body, options) => call('POST', path, { body, ...options }),
  put: (path, body, options) => call('PUT', path, { body, ...options }),
  del: (path, options) => call('DELETE', path, options),
  raw: (method, path, options) => call(method, path, { ...options, raw: true }),
  query: q,
  csrfToken,
};
