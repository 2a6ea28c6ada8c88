/**
 * When a failed delivery is tried again. Exponential back-off from one minute, so a short SMTP
 * hiccup costs a minute and an outage of about two hours still loses nothing: with
 * {@link MAIL_ATTEMPTS} attempts the waits are 1, 2, 4, 8, 16, 32 and 64 minutes.
 */
export const MAIL_ATTEMPTS = 8;

const FIRST_RETRY_MS = 60_000;

/**
 * How long to wait after failed attempt number `attempt` (1 for the first) before the next, or
 * `null` once `attempt` was the last of `maxAttempts`: the message is then given up as failed.
 */
export function retryDelayMs(attempt: number, maxAttempts = MAIL_ATTEMPTS): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt ${attempt}`);
  if (attempt >= maxAttempts) return null;
  return FIRST_RETRY_MS * 2 ** (attempt - 1);
}
