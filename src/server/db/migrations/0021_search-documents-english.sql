-- Profiles saved before their search documents used 'english' (the configuration the directory
-- queries with) still hold 'simple' ones, which stemmed query words miss. One UPDATE of every
-- profile would hold a million row locks until the migration commits, so the server rewrites them
-- after it starts, a batch per transaction, in user id order, keeping its place here
-- (features/profiles/derive.ts → rewriteSearchDocuments); the row goes when it is done. A new
-- installation has no profile yet, so nothing to rewrite.
CREATE TABLE "search_document_rewrite" (
	"id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
	"after_user_id" uuid
);
--> statement-breakpoint
INSERT INTO "search_document_rewrite" ("id", "after_user_id")
SELECT true, NULL WHERE EXISTS (SELECT 1 FROM "professional_profiles");
