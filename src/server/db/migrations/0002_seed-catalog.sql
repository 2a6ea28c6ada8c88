-- Default work categories with typical freelance hourly rates in USD (minor units), and
-- approximate exchange rates per US dollar. Both are starting points an admin edits.
INSERT INTO "categories" ("slug", "name", "market_rate_amount", "market_rate_currency", "sort") VALUES
  ('design', 'Design', 4500, 'USD', 10),
  ('writing', 'Writing and copywriting', 3500, 'USD', 20),
  ('web-development', 'Web development', 6000, 'USD', 30),
  ('bookkeeping', 'Bookkeeping', 4000, 'USD', 40),
  ('data-entry', 'Data entry', 1500, 'USD', 50),
  ('marketing', 'Marketing', 4500, 'USD', 60),
  ('social-media', 'Social media', 3000, 'USD', 70),
  ('customer-support', 'Customer support', 2000, 'USD', 80),
  ('admin-support', 'Administrative support', 2000, 'USD', 90),
  ('other', 'Other', 3000, 'USD', 1000)
ON CONFLICT ("slug") DO NOTHING;
--> statement-breakpoint
INSERT INTO "currency_rates" ("currency", "per_usd") VALUES
  ('USD', 1), ('EUR', 0.92), ('GBP', 0.79), ('CAD', 1.37), ('AUD', 1.52), ('NZD', 1.65),
  ('CHF', 0.88), ('JPY', 150), ('CNY', 7.2), ('KRW', 1380), ('INR', 84), ('SGD', 1.35),
  ('BRL', 5.6), ('MXN', 18), ('ARS', 950), ('NGN', 1500), ('ZAR', 18.5), ('SEK', 10.7),
  ('NOK', 10.8), ('DKK', 6.9), ('PLN', 4), ('CZK', 23), ('UAH', 41)
ON CONFLICT ("currency") DO NOTHING;
