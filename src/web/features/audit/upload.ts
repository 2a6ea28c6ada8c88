/**
 * Uploads a file as the raw request body with XMLHttpRequest — fetch has no upload progress —
 * so a big time log streams to the server while a real progress bar moves.
 */
import type { Problem } from '../../../core/contracts/common.ts';
import { ApiError } from '../../api.ts';

export interface Upload<T> {
  done: Promise<T>;
  abort: () => void;
}

export class UploadAborted extends Error {
  constructor() {
    super('The upload was cancelled.');
  }
}

export function uploadFile<T>(
  path: string,
  file: File,
  contentType: string,
  onProgress: (loaded: number, total: number) => void,
): Upload<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', contentType);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): described below by the status line.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else
        reject(
          new ApiError(
            (data as Problem | null) ?? {
              type: 'about:blank',
              title: xhr.statusText || `The upload failed (${xhr.status})`,
              status: xhr.status,
            },
          ),
        );
    };
    xhr.onerror = () =>
      reject(new Error('The upload was interrupted. Check your connection and try again.'));
    xhr.onabort = () => reject(new UploadAborted());
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
