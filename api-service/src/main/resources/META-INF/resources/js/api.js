// The query API of api-service (same origin, relative URLs). Errors arrive as application/problem+json.

export class ApiError extends Error {
  constructor(status, title, detail, errors = []) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(errors) ? errors : [];
  }
}

export function query(params) {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && String(v).trim() !== '') usp.set(k, String(v).trim());
  }
  const s = usp.toString();
  return s ? `?${s}` : '';
}

export async function getJson(path, params, signal) {
  let response;
  try {
    response = await fetch(path + query(params), {headers: {Accept: 'application/json'}, signal, credentials: 'same-origin'});
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Cannot reach Newsflow', 'The Newsflow API did not answer. Check your connection or that api-service is running, then try again.');
  }
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      body = null;
    }
  }
  if (!response.ok) {
    const p = body && typeof body === 'object' ? body : {};
    throw new ApiError(response.status, typeof p.title === 'string' ? p.title : (response.statusText || 'Error'),
      typeof p.detail === 'string' ? p.detail : defaultDetail(response.status), p.errors);
  }
  if (body === null) throw new ApiError(response.status, 'Unexpected answer', 'The API answered with something that is not JSON.');
  return body;
}

function defaultDetail(status) {
  if (status === 404) return 'Nothing was found at this address.';
  if (status >= 500) return 'The server ran into a problem. Please try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}

const seg = encodeURIComponent;

export const api = {
  searchArticles: (params, signal) => getJson('articles', params, signal),
  article: (id, signal) => getJson(`articles/${seg(id)}`, null, signal),
  entities: (params, signal) => getJson('entities', params, signal),
  entity: (key, signal) => getJson(`entities/${seg(key)}`, null, signal),
  sources: (params, signal) => getJson('sources', params, signal),
};
