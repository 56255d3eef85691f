import { ApiError } from '../api.js';

/**
 * Sends a file as the raw request body, reporting upload progress (fetch cannot); a refusal becomes
 * an ApiError with the server's code and reason, like every other call.
 */
export function uploadFile<T>(url: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (ev) => { if (ev.lengthComputable) onProgress(ev.loaded / ev.total); });
    xhr.addEventListener('load', () => {
      const body = xhr.response as { error?: { code: string; message: string; field?: string } } | null;
      if (xhr.status === 401) { location.href = '/login'; return; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body?.error?.code ?? 'E_HTTP', body?.error?.message ?? xhr.statusText, body?.error?.field));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'E_NETWORK', 'the upload was interrupted')));
    xhr.send(file);
  });
}
