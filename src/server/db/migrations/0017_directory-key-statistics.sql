-- Statistics on the directory's order keys (the expressions of its partial order indexes, which
-- the planner does not take statistics from): without them a rate range on the rate order was
-- guessed at 0.5% of the profiles when it held 60%, and the plan read half the table.
CREATE STATISTICS IF NOT EXISTS "professional_profiles_rating_key" ON (coalesce("rating_avg", 0)) FROM "professional_profiles";
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "professional_profiles_rate_desc_key" ON (coalesce("rate_usd", -1)) FROM "professional_profiles";
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "professional_profiles_rate_asc_key" ON ((- coalesce("rate_usd", 9007199254740991))) FROM "professional_profiles";
--> statement-breakpoint
ANALYZE "professional_profiles";
