/** The server's notion of now; tests pass a fake one to move time windows. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
