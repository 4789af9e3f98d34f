import type { ImportKind, ImportMapping, ImportMatchKey, ImportPreview, ImportResult } from '../../shared/imports.js';
import { api } from './client';

export type ImportRequest = { content: string; mapping?: ImportMapping; matchBy?: ImportMatchKey };

export const importApi = {
  preview: (kind: ImportKind, body: ImportRequest) => api.post<ImportPreview>(`/imports/${kind}/preview`, body),
  commit: (kind: ImportKind, body: ImportRequest) => api.post<ImportResult>(`/imports/${kind}/commit`, body),
};

/** The file as base64 (the API reads JSON only). */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
