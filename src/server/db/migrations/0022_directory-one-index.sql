-- country and availability (text) in the directory's GIN index: btree_gin's operator classes.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "professional_profiles_skills";--> statement-breakpoint
DROP INDEX "professional_profiles_categories";--> statement-breakpoint
DROP INDEX "professional_profiles_languages";--> statement-breakpoint
CREATE INDEX "professional_profiles_directory" ON "professional_profiles" USING gin ("search","category_slugs","skill_slugs","language_codes","country","availability") WHERE visibility = 'public' and moderated_at is null;