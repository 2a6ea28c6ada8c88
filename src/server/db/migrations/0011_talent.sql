CREATE TABLE "business_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"requester_id" uuid NOT NULL,
	"addressee_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"responded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "business_listings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"team_size" integer,
	"website" text,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zones" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"rejection_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"search" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_listings_userId_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "job_email_invitations" (
	"job_id" uuid NOT NULL,
	"email" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	CONSTRAINT "job_email_invitations_job_id_email_pk" PRIMARY KEY("job_id","email")
);
--> statement-breakpoint
CREATE TABLE "portfolio_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_certifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"issuer" text DEFAULT '' NOT NULL,
	"year" integer,
	"url" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_education" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"school" text NOT NULL,
	"degree" text DEFAULT '' NOT NULL,
	"field" text DEFAULT '' NOT NULL,
	"start_year" integer,
	"end_year" integer,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_experience" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"company" text NOT NULL,
	"role" text NOT NULL,
	"start_month" date NOT NULL,
	"end_month" date,
	"description" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"portfolio_item_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"width" integer,
	"height" integer,
	"has_thumbnail" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_languages" (
	"user_id" uuid NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	CONSTRAINT "profile_languages_user_id_code_pk" PRIMARY KEY("user_id","code")
);
--> statement-breakpoint
CREATE TABLE "profile_skills" (
	"user_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"years" integer DEFAULT 0 NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "profile_skills_user_id_slug_pk" PRIMARY KEY("user_id","slug")
);
--> statement-breakpoint
CREATE TABLE "recommendation_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"professional_user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"recommendation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "recommendation_requests_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"business_id" uuid NOT NULL,
	"professional_user_id" uuid NOT NULL,
	"author_user_id" uuid,
	"note" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"contract_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "saved_list_items" (
	"list_id" uuid NOT NULL,
	"professional_user_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_list_items_list_id_professional_user_id_pk" PRIMARY KEY("list_id","professional_user_id")
);
--> statement-breakpoint
CREATE TABLE "saved_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"business_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"business_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"email" text,
	"external_url" text,
	"notes" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"in_pool" boolean DEFAULT false NOT NULL,
	"invite_token_hash" text,
	"invited_at" timestamp with time zone,
	"joined_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_contacts_inviteTokenHash_unique" UNIQUE("invite_token_hash")
);
--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "photo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "hourly_rate_amount" bigint;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "hourly_rate_currency" text;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "rate_usd" bigint;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "working_hours" jsonb;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "work_start_utc" integer;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "work_end_utc" integer;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "availability" text DEFAULT 'available' NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "availability_hours_per_week" integer;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "category_slugs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "skill_slugs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "language_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "years_experience" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "rating_avg" double precision;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "review_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "completed_jobs" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "completeness" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "visibility" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "moderated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "moderation_reason" text;--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD COLUMN "search" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "business_connections" ADD CONSTRAINT "business_connections_requester_id_businesses_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_connections" ADD CONSTRAINT "business_connections_addressee_id_businesses_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_connections" ADD CONSTRAINT "business_connections_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_connections" ADD CONSTRAINT "business_connections_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_listings" ADD CONSTRAINT "business_listings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_listings" ADD CONSTRAINT "business_listings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_email_invitations" ADD CONSTRAINT "job_email_invitations_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_email_invitations" ADD CONSTRAINT "job_email_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_user_id_professional_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."professional_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_certifications" ADD CONSTRAINT "profile_certifications_user_id_professional_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."professional_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_education" ADD CONSTRAINT "profile_education_user_id_professional_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."professional_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_experience" ADD CONSTRAINT "profile_experience_user_id_professional_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."professional_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_files" ADD CONSTRAINT "profile_files_user_id_professional_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."professional_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_files" ADD CONSTRAINT "profile_files_portfolio_item_id_portfolio_items_id_fk" FOREIGN KEY ("portfolio_item_id") REFERENCES "public"."portfolio_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_languages" ADD CONSTRAINT "profile_languages_user_id_professional_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."professional_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_skills" ADD CONSTRAINT "profile_skills_user_id_professional_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."professional_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_requests" ADD CONSTRAINT "recommendation_requests_professional_user_id_users_id_fk" FOREIGN KEY ("professional_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_requests" ADD CONSTRAINT "recommendation_requests_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_professional_user_id_users_id_fk" FOREIGN KEY ("professional_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_list_items" ADD CONSTRAINT "saved_list_items_list_id_saved_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."saved_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_list_items" ADD CONSTRAINT "saved_list_items_professional_user_id_users_id_fk" FOREIGN KEY ("professional_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_list_items" ADD CONSTRAINT "saved_list_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_lists" ADD CONSTRAINT "saved_lists_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_lists" ADD CONSTRAINT "saved_lists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_contacts" ADD CONSTRAINT "talent_contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "business_connections_pair" ON "business_connections" USING btree (least("requester_id", "addressee_id"),greatest("requester_id", "addressee_id"));--> statement-breakpoint
CREATE INDEX "business_connections_addressee_id_status_index" ON "business_connections" USING btree ("addressee_id","status");--> statement-breakpoint
CREATE INDEX "business_listings_search" ON "business_listings" USING gin ("search") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "business_listings_status_created_at_index" ON "business_listings" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "job_email_invitations_email_index" ON "job_email_invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "portfolio_items_user_id_index" ON "portfolio_items" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profile_certifications_user_id_index" ON "profile_certifications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profile_education_user_id_index" ON "profile_education" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profile_experience_user_id_index" ON "profile_experience" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profile_files_user_id_index" ON "profile_files" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profile_files_portfolio_item_id_index" ON "profile_files" USING btree ("portfolio_item_id");--> statement-breakpoint
CREATE INDEX "recommendation_requests_professional_user_id_index" ON "recommendation_requests" USING btree ("professional_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_live" ON "recommendations" USING btree ("business_id","professional_user_id") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "recommendations_professional_user_id_index" ON "recommendations" USING btree ("professional_user_id");--> statement-breakpoint
CREATE INDEX "saved_lists_business_id_index" ON "saved_lists" USING btree ("business_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_contacts_user" ON "talent_contacts" USING btree ("business_id","user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "talent_contacts_email" ON "talent_contacts" USING btree ("business_id","email") WHERE email is not null;--> statement-breakpoint
CREATE INDEX "talent_contacts_user_id_index" ON "talent_contacts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "talent_contacts_email_index" ON "talent_contacts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "professional_profiles_search" ON "professional_profiles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "professional_profiles_skills" ON "professional_profiles" USING gin ("skill_slugs");--> statement-breakpoint
CREATE INDEX "professional_profiles_categories" ON "professional_profiles" USING gin ("category_slugs");--> statement-breakpoint
CREATE INDEX "professional_profiles_languages" ON "professional_profiles" USING gin ("language_codes");--> statement-breakpoint
ALTER TABLE "professional_profiles" ADD CONSTRAINT "professional_profiles_slug_unique" UNIQUE("slug");