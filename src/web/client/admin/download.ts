import { ApiError } from '../api.js';

function fileNameOf(res: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Downloads what a POST answers (exports take a JSON filter, so a plain link cannot ask for them):
 * the answer becomes a blob the browser saves under the server's file name.
 */
export async function downloadPost(url: string, body: unknown, fallbackName: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status === 401) { location.href = '/login'; return; }
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; field?: string } };
    throw new ApiError(res.status, data.error?.code ?? 'E_HTTP', data.error?.message ?? res.statusText, data.error?.field);
  }
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res, fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
