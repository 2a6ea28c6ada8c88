-- The board's budget order compares a fixed job's total only with other totals and an hourly
-- job's rate only with other rates, so the query always fixes budget_type: it leads the index,
-- or the highest hourly rates would be found only after reading every fixed total above them.
DROP INDEX "jobs_board_budget";--> statement-breakpoint
CREATE INDEX "jobs_board_budget" ON "jobs" USING btree ("budget_type","budget_usd" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE status = 'open' and visibility = 'public';