ALTER TABLE "trial_participants" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "trial_participants" ADD COLUMN "score_comment" text;