import type { ContractFile, FileVersion } from '../../../core/contracts/contract-files.ts';
import type { ContractFileRow, FileVersionRecord } from './queries.ts';
import { deletable } from './rules.ts';

export function presentVersion({ version, uploaderName }: FileVersionRecord): FileVersion {
  return {
    id: version.id,
    version: version.version,
    name: version.name,
    contentType: version.contentType,
    size: version.size,
    sha256: version.sha256,
    note: version.note,
    uploadedBy: { id: version.uploadedBy, name: uploaderName },
    createdAt: version.createdAt.toISOString(),
  };
}

export function presentFile(
  file: ContractFileRow,
  versions: FileVersionRecord[],
  readerId: string,
  canWrite: boolean,
): ContractFile {
  const own = versions.filter((v) => v.version.fileId === file.id);
  return {
    id: file.id,
    contractId: file.contractId,
    name: file.name,
    latestVersion: file.latestVersion,
    versions: own.map(presentVersion),
    deletable: canWrite && deletable(file, readerId),
    createdAt: file.createdAt.toISOString(),
    updatedAt: file.updatedAt.toISOString(),
  };
}
