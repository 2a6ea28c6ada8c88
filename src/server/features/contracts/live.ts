/**
 * Live updates of a contract's page. A change inside a contract (time logged, an issue moved, a
 * message sent…) calls `publishContractChange` in its transaction; every party's open streams
 * (on any instance: the notifications hub's LISTEN) get a `contract` event naming the contract
 * and the topic, and the page refetches that part. Nothing is sent if the transaction rolls back.
 */
import type { ContractTopic } from '../../../core/work.ts';
import type { Tx } from '../../db/client.ts';
import { publish } from '../notifications/queries.ts';
import { contractPartyIds } from './queries.ts';

/** Tells every party's open pages that `topic` changed in this contract (on commit). */
export async function publishContractChange(tx: Tx, contractId: string, topic: ContractTopic) {
  const userIds = await contractPartyIds(tx, contractId);
  await publish(
    tx,
    userIds.map((userId) => ({ userId, contractId, topic })),
  );
}
