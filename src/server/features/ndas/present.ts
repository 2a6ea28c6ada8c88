/** Rows → the contract shapes of `core/contracts/ndas.ts`. */
import type { NdaState, NdaTemplate } from '../../../core/contracts/ndas.ts';
import type { NdaTemplateRow, NdaWithSender } from './queries.ts';

export function presentTemplate(row: NdaTemplateRow): NdaTemplate {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentNdaState({ nda, sentByName }: NdaWithSender): NdaState {
  return {
    sentAt: nda.sentAt.toISOString(),
    sentBy: nda.sentBy && sentByName !== null ? { id: nda.sentBy, name: sentByName } : null,
    signedAt: nda.signedAt?.toISOString() ?? null,
    signedName: nda.signedName,
    textSha256: nda.textSha256,
  };
}
