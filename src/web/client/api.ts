export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly field?: string) {
    super(message);
  }
}

/** JSON over fetch with the session cookie; a 401 sends the user back to the login page. */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401 && !path.endsWith('/auth/login')) {
    location.href = '/login';
    throw new ApiError(401, 'E_UNAUTHENTICATED', 'login required');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; field?: string } };
  if (!res.ok) throw new ApiError(res.status, data.error?.code ?? 'E_HTTP', data.error?.message ?? res.statusText, data.error?.field);
  return data as T;
}
