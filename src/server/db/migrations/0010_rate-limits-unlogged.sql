-- Rate-limit counters live for a minute and need no durability: an unlogged table writes no WAL,
-- so counting a request does not wait for a WAL flush. After a crash Postgres empties it, which
-- only forgets the current minute's counts.
ALTER TABLE "api_rate_limits" SET UNLOGGED;
