/**
 * Trusted colleagues: a business asks another to connect, found by the address of one of its
 * owners; the other accepts or declines; either side may remove the connection. Colleagues see
 * each other's recommendations of professionals.
 *
 * Asking answers the same whatever the address is — no business, several, already connected,
 * declined before — and the asker's list shows requests only once accepted, so the request
 * cannot be used to learn which addresses own a business.
 */
import type { Connection, ConnectionList } from '../../../core/contracts/network.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findBusiness, findUser } from '../accounts/queries.ts';
import type { Notify } from '../notifications/index.ts';
import {
  businessesOwnedBy,
  deleteConnection,
  findConnectionOf,
  findPair,
  insertConnection,
  listConnectionsOf,
  ownersOf,
  updateConnection,
  type ConnectionRow,
} from './connection-queries.ts';

export type ConnectionScope = BusinessScope & { readonly connectionId: string };

/** What every request answers, found or not. */
export const REQUEST_SENT =
  'If a business on Handoff is owned by that address, its owners have been asked to connect. You will see it among your colleagues once they accept.';

export function createConnectionService({
  db,
  clock,
  notify,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
}) {
  async function tellOwners(
    tx: Tx,
    businessId: string,
    type: 'connection.requested' | 'connection.accepted',
    from: { businessName: string; personName: string },
  ) {
    const owners = await ownersOf(tx, businessId);
    await notify(
      tx,
      owners.map((id) => ({ userId: id })),
      type,
      { businessId, otherBusinessName: from.businessName, personName: from.personName },
    );
  }

  return {
    async list({ userId, businessId }: BusinessScope): Promise<ConnectionList> {
      await authorizeBusiness(db, businessId, userId, 'talent.read');
      const rows = await listConnectionsOf(db, businessId);
      const present = (r: (typeof rows)[number]): Connection => ({
        id: r.connection.id,
        business: { id: r.otherId, name: r.otherName },
        status: r.connection.status === 'accepted' ? 'accepted' : 'pending',
        incoming: r.connection.addresseeId === businessId,
        createdAt: r.connection.createdAt.toISOString(),
        respondedAt: r.connection.respondedAt?.toISOString() ?? null,
      });
      return {
        connections: rows.filter((r) => r.connection.status === 'accepted').map(present),
        incoming: rows.filter((r) => r.connection.status === 'pending').map(present),
      };
    },

    /** Asks every business the address owns (usually one) to connect; see the module comment. */
    async request({ userId, businessId }: BusinessScope, email: string): Promise<string> {
      await db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'connections.manage');
        const me = await findBusiness(tx, businessId);
        const person = await findUser(tx, userId);
        if (!me || !person) throw new Error('caller lost their business');
        const from = { businessName: me.name, personName: person.name };
        const now = clock.now();
        for (const target of await businessesOwnedBy(tx, email)) {
          if (target.id === businessId) continue;
          const pair = await findPair(tx, businessId, target.id);
          if (!pair) {
            const inserted = await insertConnection(tx, {
              id: newId(),
              requesterId: businessId,
              addresseeId: target.id,
              requestedBy: userId,
              createdAt: now,
            });
            if (inserted) await tellOwners(tx, target.id, 'connection.requested', from);
          } else if (pair.status === 'pending' && pair.requesterId === target.id) {
            // They asked us already: asking back is saying yes.
            await accept(tx, pair, userId, from);
          } else if (pair.status === 'declined' && pair.requesterId === target.id) {
            // We declined them once; now we ask. A decline binds only the business that was refused.
            await updateConnection(tx, pair.id, {
              status: 'pending',
              requesterId: businessId,
              addresseeId: target.id,
              requestedBy: userId,
              respondedBy: null,
              respondedAt: null,
              createdAt: now,
            });
            await tellOwners(tx, target.id, 'connection.requested', from);
          }
          // Anything else (already asked, connected, or refused by them) changes nothing.
        }
      });
      return REQUEST_SENT;
    },

    async accept({ userId, businessId, connectionId }: ConnectionScope): Promise<void> {
      await db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'connections.manage');
        const row = await incomingRequest(tx, businessId, connectionId);
        const me = await findBusiness(tx, businessId);
        const person = await findUser(tx, userId);
        if (!me || !person) throw new Error('caller lost their business');
        await accept(tx, row, userId, { businessName: me.name, personName: person.name });
      });
    },

    /** Declines quietly: the asker is not told, and cannot ask again (we still may). */
    async decline({ userId, businessId, connectionId }: ConnectionScope): Promise<void> {
      await db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'connections.manage');
        const row = await incomingRequest(tx, businessId, connectionId);
        await updateConnection(tx, row.id, {
          status: 'declined',
          respondedBy: userId,
          respondedAt: clock.now(),
        });
      });
    },

    /** Ends a connection (either side). Recommendations stay; they are simply no longer shared. */
    async remove({ userId, businessId, connectionId }: ConnectionScope): Promise<void> {
      await db.transaction(async (tx) => {
        await authorizeBusiness(tx, businessId, userId, 'connections.manage');
        const row = await findConnectionOf(tx, businessId, connectionId);
        if (!row || row.status !== 'accepted') throw notFound('Connection');
        await deleteConnection(tx, row.id);
      });
    },
  };

  async function accept(
    tx: Tx,
    row: ConnectionRow,
    userId: string,
    from: { businessName: string; personName: string },
  ) {
    await updateConnection(tx, row.id, {
      status: 'accepted',
      respondedBy: userId,
      respondedAt: clock.now(),
    });
    await tellOwners(tx, row.requesterId, 'connection.accepted', from);
  }

  /** A pending request addressed to this business; anything else is not its to answer. */
  async function incomingRequest(tx: Tx, businessId: string, connectionId: string) {
    const row = await findConnectionOf(tx, businessId, connectionId);
    // The asker must not learn of a decline or find the row: 404 for anything not addressed to us.
    if (!row || row.addresseeId !== businessId || row.status === 'declined')
      throw notFound('Connection request');
    if (row.status === 'accepted') throw conflict('You are already connected.');
    return row;
  }
}
