-- What each directory version changed: the profiles a statement wrote (or 'all' for a bulk
-- statement or a truncate), and 'listing' for any listing change. A cached search result read at
-- version N is still the answer at version M when no change in (N, M] can touch it, which the
-- directory checks against this log (features/directory/result-cache.ts) instead of reading the
-- search again. Rows are kept for the last 10,000 versions; an older result is read again.
CREATE TABLE "directory_change_log" (
	"version" bigint NOT NULL,
	"kind" text NOT NULL CHECK ("kind" IN ('profile', 'listing', 'all')),
	"id" uuid
);
--> statement-breakpoint
CREATE INDEX "directory_change_log_version" ON "directory_change_log" ("version");
--> statement-breakpoint
-- The next version, and the log's oldest versions dropped every thousandth.
CREATE FUNCTION "directory_next_version"() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	v bigint;
BEGIN
	UPDATE "directory_changes" SET "version" = "version" + 1 RETURNING "version" INTO v;
	IF v % 1000 = 0 THEN
		DELETE FROM "directory_change_log" WHERE "version" <= v - 10000;
	END IF;
	RETURN v;
END
$$;
--> statement-breakpoint
-- Profiles: the rows a statement wrote, from its transition table `changed`; a statement that
-- wrote none changes nothing, and one that wrote more than 100 is logged as 'all'.
CREATE FUNCTION "directory_profiles_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	v bigint;
	n bigint;
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		INSERT INTO "directory_change_log" VALUES ("directory_next_version"(), 'all', NULL);
		RETURN NULL;
	END IF;
	SELECT count(*) INTO n FROM changed;
	IF n = 0 THEN
		RETURN NULL;
	END IF;
	v := "directory_next_version"();
	IF n > 100 THEN
		INSERT INTO "directory_change_log" VALUES (v, 'all', NULL);
	ELSE
		INSERT INTO "directory_change_log" SELECT v, 'profile', "user_id" FROM changed;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "directory_listings_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "directory_change_log" VALUES ("directory_next_version"(), 'listing', NULL);
	RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "professional_profiles_directory_changed" ON "professional_profiles";
--> statement-breakpoint
DROP TRIGGER "business_listings_directory_changed" ON "business_listings";
--> statement-breakpoint
DROP FUNCTION "directory_changed"();
--> statement-breakpoint
CREATE TRIGGER "professional_profiles_directory_inserted" AFTER INSERT ON "professional_profiles" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "directory_profiles_changed"();
--> statement-breakpoint
CREATE TRIGGER "professional_profiles_directory_updated" AFTER UPDATE ON "professional_profiles" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "directory_profiles_changed"();
--> statement-breakpoint
CREATE TRIGGER "professional_profiles_directory_deleted" AFTER DELETE ON "professional_profiles" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "directory_profiles_changed"();
--> statement-breakpoint
CREATE TRIGGER "professional_profiles_directory_truncated" AFTER TRUNCATE ON "professional_profiles" FOR EACH STATEMENT EXECUTE FUNCTION "directory_profiles_changed"();
--> statement-breakpoint
CREATE TRIGGER "business_listings_directory_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "business_listings" FOR EACH STATEMENT EXECUTE FUNCTION "directory_listings_changed"();
