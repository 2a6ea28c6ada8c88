ALTER TABLE "profile_files" ADD COLUMN "storage_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_files" ADD COLUMN "thumbnail_key" text;