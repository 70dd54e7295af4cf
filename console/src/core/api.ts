import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../api/generated/schema';
import { accessToken } from './auth';

/** Response bodies by schema name, generated from openapi.json (the service's /q/openapi). */
export type Schemas = components['schemas'];

/** An RFC 9457 problem the service answered, with dcx's stable error code. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly body: Record<string, unknown>,
  ) {
    super(detail || title || code);
  }

  static async from(response: Response, parsed?: unknown): Promise<ApiProblem> {
    let body: Record<string, unknown> = {};
    if (parsed && typeof parsed === 'object') {
      body = parsed as Record<string, unknown>; // openapi-fetch has already read (and parsed) the body
    } else {
      try {
        body = await response.clone().json();
      } catch {
        // not JSON (a proxy's page, an empty 401), or a body already read: keep the status line
      }
    }
    return new ApiProblem(
      response.status,
      String(body.code ?? `HTTP_${response.status}`),
      String(body.title ?? response.statusText),
      String(body.detail ?? ''),
      body,
    );
  }
}

const authenticate: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

/** The typed client: paths, parameters and bodies are checked against the OpenAPI document at compile time. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(authenticate);

/**
 * Unwraps an openapi-fetch result: the body on success, an ApiProblem otherwise. Use it as
 * `await ok(api.GET('/api/v1/works/{id}', { params: { path: { id } } }))`.
 */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw await ApiProblem.from(response, error);
  return data as T;
}

/** A request the typed client cannot describe (the OpenAPI document types some bodies as plain strings). */
export async function send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const token = await accessToken();
  const response = await fetch(path, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw await ApiProblem.from(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A fresh idempotency key for one user action (a retry of the same action reuses it). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * Uploads multipart form data with progress (fetch cannot report upload progress). Resolves with the status and
 * the parsed body for 2xx answers; rejects with an ApiProblem otherwise.
 */
export async function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<{ status: number; body: T }> {
  const token = await accessToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiProblem(0, 'NETWORK', 'Network error', 'The upload did not reach the service.', {}));
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try { body = JSON.parse(xhr.responseText); } catch { /* empty or not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ status: xhr.status, body: body as T });
      else reject(new ApiProblem(xhr.status, String(body.code ?? `HTTP_${xhr.status}`), String(body.title ?? xhr.statusText),
        String(body.detail ?? ''), body));
    };
    xhr.send(form);
  });
}

/** Downloads a protected file (certificate, export) with the bearer token and hands it to the browser to save. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const token = await accessToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw await ApiProblem.from(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = decodeURIComponent(name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An object URL for a protected image (thumbnails need the bearer token, so an <img src> cannot fetch them). */
export async function imageUrl(path: string): Promise<string | null> {
  const token = await accessToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) return null;
  return URL.createObjectURL(await response.blob());
}
