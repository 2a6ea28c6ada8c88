/** Work — a contract's files: keys, queries and mutations (issue 12, item 5). */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContractFile } from '../../../core/contracts/contract-files.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import { uploadFile } from '../audit/upload.ts';

/** Under `['contract', id, 'files']`: a `files` event of the live stream refetches it. */
export const fileKeys = {
  list: (contractId: string) => ['contract', contractId, 'files', 'list'] as const,
};

export function useContractFiles(contractId: string) {
  return useQuery({
    queryKey: fileKeys.list(contractId),
    queryFn: () => api('GET /contracts/:contractId/files', { params: { contractId } }),
  });
}

export const versionUrl = (contractId: string, fileId: string, version: number) =>
  `/api/v1/contracts/${contractId}/files/${fileId}/versions/${version}`;

export function useUploadContractFile(contractId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: ({ file, note }: { file: File; note: string }) =>
      uploadFile<ContractFile>(
        `/contracts/${contractId}/files?name=${encodeURIComponent(file.name)}&note=${encodeURIComponent(note)}`,
        file,
        'application/octet-stream',
        () => {},
      ).done,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: fileKeys.list(contractId) }),
  });
}

export function useDeleteContractFile(contractId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (fileId: string) =>
      api('DELETE /contracts/:contractId/files/:fileId', { params: { contractId, fileId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: fileKeys.list(contractId) }),
  });
}
