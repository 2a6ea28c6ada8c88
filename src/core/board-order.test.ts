import { describe, expect, it } from 'vitest';
import { placeAt, positionBetween } from './board-order.ts';

const column = (...positions: number[]) =>
  positions.map((position, i) => ({ id: `card${i}`, position }));

describe('positionBetween', () => {
  it('takes the midpoint of two neighbours, and steps past either end', () => {
    expect(positionBetween(1, 2)).toBe(1.5);
    expect(positionBetween(null, 3)).toBe(2);
    expect(positionBetween(3, null)).toBe(4);
    expect(positionBetween(null, null)).toBe(1);
  });

  it('says there is no room once the gap cannot be halved', () => {
    expect(positionBetween(1, 1)).toBeNull();
    expect(positionBetween(1, 1 + Number.EPSILON)).toBeNull();
  });
});

describe('placeAt', () => {
  it('puts a card at the top, between two cards, or at the bottom', () => {
    const cards = column(1, 2, 3);
    expect(placeAt(cards, 0)).toEqual({ position: 0, renumbered: [] });
    expect(placeAt(cards, 1)).toEqual({ position: 1.5, renumbered: [] });
    expect(placeAt(cards, 3)).toEqual({ position: 4, renumbered: [] });
  });

  it('clamps an index past either end', () => {
    expect(placeAt(column(1, 2), 99).position).toBe(3);
    expect(placeAt(column(1, 2), -4).position).toBe(0);
    expect(placeAt([], 5).position).toBe(1);
  });

  it('renumbers the column when the gap is used up, keeping the order', () => {
    let cards = column(1, 2);
    // Keep dropping a new card right under the first one until halving runs out.
    let placement = placeAt(cards, 1);
    let moves = 0;
    while (placement.renumbered.length === 0) {
      cards = [cards[0]!, { id: `new${moves}`, position: placement.position }, ...cards.slice(1)];
      placement = placeAt(cards, 1);
      moves += 1;
    }
    expect(moves).toBeGreaterThan(40);
    expect(placement.position).toBe(2);
    expect(placement.renumbered.map((c) => c.position)).toEqual([
      1,
      ...cards.slice(1).map((_, i) => i + 3),
    ]);
    expect(placement.renumbered.map((c) => c.id)).toEqual(cards.map((c) => c.id));
  });
});
