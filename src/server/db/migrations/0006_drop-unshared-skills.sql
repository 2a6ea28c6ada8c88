-- Skills became shared (in autocomplete, to anyone) when a job was saved, even a draft or an
-- invite-only one, until the jobs review of d425d4a: those names could be a client's secret. Keep
-- the seeded skills (0004_seed-jobs; the list is copied, not read, so this stays what it was) and
-- those of jobs that are or were on the board (open or closed, public); drop the rest.
DELETE FROM "skills"
WHERE "slug" NOT IN (
  'logo-design', 'graphic-design', 'brand-identity', 'adobe-illustrator', 'adobe-photoshop',
  'adobe-indesign', 'figma', 'canva', 'vector-graphics', 'print-design', 'packaging-design',
  'illustration', 'ui-design', 'ux-design', 'web-design', 'html', 'css', 'javascript',
  'typescript', 'react', 'node.js', 'php', 'python', 'sql', 'wordpress', 'shopify', 'woocommerce',
  'webflow', 'squarespace', 'wix', 'api-integration', 'zapier', 'google-analytics', 'seo',
  'copywriting', 'content-writing', 'seo-writing', 'blog-writing', 'proofreading', 'editing',
  'translation', 'technical-writing', 'data-entry', 'microsoft-excel', 'google-sheets', 'typing',
  'data-cleaning', 'web-research', 'pdf-conversion', 'crm-data-entry', 'bookkeeping', 'xero',
  'quickbooks', 'bank-reconciliation', 'accounts-payable', 'accounts-receivable', 'invoicing',
  'payroll', 'vat-returns', 'social-media-marketing', 'instagram', 'facebook', 'linkedin',
  'tiktok', 'content-calendar', 'community-management', 'email-marketing', 'mailchimp',
  'customer-support', 'virtual-assistance', 'video-editing', 'photography', 'photo-editing'
)
AND NOT EXISTS (
  SELECT 1 FROM "jobs"
  WHERE "jobs"."status" IN ('open', 'closed')
    AND "jobs"."visibility" = 'public'
    AND "skills"."slug" = ANY ("jobs"."skill_slugs")
);
