-- The directory's change counter: every statement that writes profiles or listings bumps it in its
-- own transaction, so a reader that sees version N sees exactly the rows of version N. The
-- directory caches facet counts under it (features/directory/facet-cache.ts).
CREATE TABLE "directory_changes" (
	"id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
	"version" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "directory_changes" ("id", "version") VALUES (true, 0);
--> statement-breakpoint
CREATE FUNCTION "directory_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "directory_changes" SET "version" = "version" + 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "professional_profiles_directory_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "professional_profiles" FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();
--> statement-breakpoint
CREATE TRIGGER "business_listings_directory_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "business_listings" FOR EACH STATEMENT EXECUTE FUNCTION "directory_changed"();
