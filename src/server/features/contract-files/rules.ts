import type { ContractFileRow } from './queries.ts';

/**
 * A file can be deleted by whoever uploaded it while it has only its first version: a mistaken
 * upload can be taken back, but once the other side has added a version the file is shared
 * history, and versions are never removed (the point of keeping them is that both sides can
 * prove what was delivered when).
 */
export function deletable(
  file: Pick<ContractFileRow, 'createdBy' | 'latestVersion'>,
  userId: string,
) {
  return file.createdBy === userId && file.latestVersion === 1;
}
