ALTER TABLE "mail_messages" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
-- Mail sent before the outbox went out in one attempt, at the time it was recorded.
UPDATE "mail_messages" SET "attempts" = 1 WHERE "status" IN ('sent', 'failed');--> statement-breakpoint
UPDATE "mail_messages" SET "sent_at" = "created_at" WHERE "status" = 'sent';
