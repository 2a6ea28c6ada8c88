/** SQL of a contract's files and their versions. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { contractFiles, contractFileVersions, users } from '../../db/schema/index.ts';

export type ContractFileRow = typeof contractFiles.$inferSelect;
export type FileVersionRow = typeof contractFileVersions.$inferSelect;
export interface FileVersionRecord {
  version: FileVersionRow;
  uploaderName: string;
}

/**
 * The file of that name (compared lower-cased) with its version counter moved on, or a new file
 * at version 1. One statement on the (contract, lower(name)) unique index: two uploads of the
 * same name at once queue on the row and get versions n and n+1, never two files.
 */
export async function takeFileVersion(
  tx: Tx,
  values: { id: string; contractId: string; name: string; createdBy: string; at: Date },
): Promise<{ id: string; version: number }> {
  const at = values.at.toISOString();
  const result = await tx.execute<{ id: string; latest_version: number }>(sql`
    insert into ${contractFiles} (id, contract_id, name, latest_version, created_by, created_at, updated_at)
    values (${values.id}, ${values.contractId}, ${values.name}, 1, ${values.createdBy}, ${at}, ${at})
    on conflict (contract_id, lower(name)) do update
      set latest_version = ${contractFiles}.latest_version + 1, updated_at = excluded.updated_at
    returning id, latest_version`);
  const row = result.rows[0];
  if (!row) throw new Error('upsert returned no row');
  return { id: row.id, version: Number(row.latest_version) };
}

export async function insertVersion(tx: Tx, values: typeof contractFileVersions.$inferInsert) {
  const [row] = await tx.insert(contractFileVersions).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function listFiles(tx: Tx, contractId: string): Promise<ContractFileRow[]> {
  return tx
    .select()
    .from(contractFiles)
    .where(eq(contractFiles.contractId, contractId))
    .orderBy(desc(contractFiles.updatedAt), contractFiles.id);
}

export async function findFile(
  tx: Tx,
  contractId: string,
  fileId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ContractFileRow | undefined> {
  const query = tx
    .select()
    .from(contractFiles)
    .where(and(eq(contractFiles.id, fileId), eq(contractFiles.contractId, contractId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The versions of these files, newest first, with their uploaders' names. */
export async function versionsOf(tx: Tx, fileIds: string[]): Promise<FileVersionRecord[]> {
  if (fileIds.length === 0) return [];
  return tx
    .select({
      version: contractFileVersions,
      uploaderName: sql<string>`coalesce(${users.name}, 'A former member')`,
    })
    .from(contractFileVersions)
    .leftJoin(users, eq(users.id, contractFileVersions.uploadedBy))
    .where(inArray(contractFileVersions.fileId, fileIds))
    .orderBy(desc(contractFileVersions.version));
}

export async function findVersion(
  tx: Tx,
  contractId: string,
  fileId: string,
  version: number,
): Promise<FileVersionRow | undefined> {
  const [row] = await tx
    .select({ version: contractFileVersions })
    .from(contractFileVersions)
    .innerJoin(contractFiles, eq(contractFiles.id, contractFileVersions.fileId))
    .where(
      and(
        eq(contractFileVersions.fileId, fileId),
        eq(contractFileVersions.version, version),
        eq(contractFiles.contractId, contractId),
      ),
    );
  return row?.version;
}

/** Deletes the file (its versions go with it) and answers the stored files to remove. */
export async function deleteFile(tx: Tx, fileId: string): Promise<string[]> {
  const versions = await tx
    .select({ key: contractFileVersions.storageKey })
    .from(contractFileVersions)
    .where(eq(contractFileVersions.fileId, fileId));
  await tx.delete(contractFiles).where(eq(contractFiles.id, fileId));
  return versions.map((v) => v.key);
}
