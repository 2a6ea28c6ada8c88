/**
 * The admin's catalog: work categories with a typical market hourly rate, which the operations
 * audit prices tasks with, and the approximate exchange rates that compare rates across
 * currencies.
 */
import { useState, type FormEvent } from 'react';
import { CategorySlugSchema } from '../../../core/contracts/audit.ts';
import { isCurrency } from '../../../core/contracts/common.ts';
import { COMMON_CURRENCIES, currencyName } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { useCategories, useMe } from '../../hooks.ts';
import { useAddCategory, useCurrencyRates, useSaveRate } from './admin-queries.ts';
import {
  CATEGORY_GRID,
  CategoryRow,
  fieldError,
  parseDecimal,
  parseMoney,
  perUsdError,
  ProblemAlert,
  RATE_GRID,
  RateRow,
} from './catalog-rows.tsx';

/** A slug from a name: 'Video editing & motion' → 'video-editing-motion'. */
export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');

const headerClass =
  'hidden gap-3 border-b border-slate-200 pb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase md:grid';
const listClass = 'space-y-3 md:space-y-0 md:divide-y md:divide-slate-100';

export function CatalogPage() {
  const me = useMe();
  const isAdmin = me.data?.user.isAdmin === true;
  const categories = useCategories();
  const rates = useCurrencyRates(isAdmin);
  if (!me.data?.user.isAdmin)
    return <Alert>Only an admin can change the categories and exchange rates.</Alert>;
  const timeZone = me.data.user.timeZone;
  // A category is best priced in a currency that has a rate; common ones are offered until the
  // rates have loaded.
  const currencies = rates.data?.items.map((r) => r.currency) ?? COMMON_CURRENCIES;

  return (
    <>
      <PageHeader
        title="Categories & rates"
        description="What the operations audit prices tasks with: a typical market hourly rate for each kind of work, and exchange rates to compare across currencies."
      />
      <div className="space-y-6">
        <Card
          title="Work categories"
          description="A business classifies each task into a category; its market rate per hour estimates what handing the task off would cost."
        >
          {categories.isPending ? (
            <Loading what="Loading categories" />
          ) : categories.isError ? (
            <ProblemAlert error={categories.error} />
          ) : (
            <>
              {categories.data.items.length === 0 ? (
                <EmptyState title="No categories yet">
                  Add the first one below; businesses pick from these.
                </EmptyState>
              ) : (
                <>
                  <div className={`${headerClass} ${CATEGORY_GRID}`} aria-hidden>
                    <span>Name</span>
                    <span>Rate per hour</span>
                    <span>Currency</span>
                    <span />
                  </div>
                  <ul className={listClass} aria-label="Categories">
                    {categories.data.items.map((c) => (
                      <CategoryRow key={c.slug} category={c} currencies={currencies} />
                    ))}
                  </ul>
                </>
              )}
              <AddCategory
                slugs={categories.data.items.map((c) => c.slug)}
                currencies={currencies}
              />
            </>
          )}
        </Card>
        <Card
          title="Exchange rates"
          description="Approximate units of each currency that one US dollar buys. They convert estimates between currencies — say, a business paying in EUR with a task in a category rated in USD — so they need to be close, not exact."
        >
          {rates.isPending ? (
            <Loading what="Loading exchange rates" />
          ) : rates.isError ? (
            <ProblemAlert error={rates.error} />
          ) : (
            <>
              <div className={`${headerClass} ${RATE_GRID}`} aria-hidden>
                <span>Currency</span>
                <span>Per US dollar</span>
                <span>Last updated</span>
                <span />
              </div>
              <ul className={listClass} aria-label="Exchange rates">
                {rates.data.items.map((r) => (
                  <RateRow key={r.currency} rate={r} timeZone={timeZone} />
                ))}
              </ul>
              <AddCurrency listed={rates.data.items.map((r) => r.currency)} />
            </>
          )}
        </Card>
      </div>
    </>
  );
}

const addClass = 'mt-6 space-y-4 border-t border-slate-200 pt-5';

function AddCategory({ slugs, currencies }: { slugs: string[]; currencies: string[] }) {
  const empty = { name: '', slug: '', amount: '', currency: 'USD' };
  const [form, setForm] = useState(empty);
  // The slug follows the name until the admin edits it.
  const [slugEdited, setSlugEdited] = useState(false);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const [added, setAdded] = useState<string>();
  const add = useAddCategory();

  function submit(e: FormEvent) {
    e.preventDefault();
    setAdded(undefined);
    const marketRate = parseMoney(form.amount, form.currency);
    const errors = {
      name: form.name.trim() ? undefined : 'Enter a name.',
      slug: !CategorySlugSchema.safeParse(form.slug).success
        ? '2–40 lowercase letters, digits and hyphens.'
        : slugs.includes(form.slug)
          ? 'Another category has this slug.'
          : undefined,
      'marketRate.amount': typeof marketRate === 'string' ? marketRate : undefined,
    };
    setLocal(errors);
    // A new attempt clears the last answer, so an old problem never sits beside new input.
    add.reset();
    if (typeof marketRate === 'string' || errors.name || errors.slug) return;
    add.mutate(
      { slug: form.slug, name: form.name.trim(), marketRate },
      {
        onSuccess: (category) => {
          setAdded(category.name);
          setForm(empty);
          setSlugEdited(false);
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={submit} className={addClass} aria-labelledby="add-category">
      <h3 id="add-category" className="text-sm font-semibold text-slate-900">
        Add a category
      </h3>
      {added && <Alert tone="success">Added {added}.</Alert>}
      {add.isError && <ProblemAlert error={add.error} shown={['name', 'slug', 'marketRate']} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Name"
          value={form.name}
          maxLength={80}
          error={fieldError('name', local, add.error)}
          onChange={(e) =>
            setForm({
              ...form,
              name: e.target.value,
              slug: slugEdited ? form.slug : slugify(e.target.value),
            })
          }
        />
        <TextField
          label="Slug"
          hint="How the API and exports name it; it cannot change later."
          value={form.slug}
          maxLength={40}
          error={fieldError('slug', local, add.error)}
          onChange={(e) => {
            setSlugEdited(true);
            setForm({ ...form, slug: e.target.value.toLowerCase() });
          }}
        />
        <TextField
          label="Market rate per hour"
          inputMode="decimal"
          placeholder={form.currency === 'JPY' ? '4500' : '45.00'}
          value={form.amount}
          error={fieldError('marketRate.amount', local, add.error)}
          onChange={(e) => setForm({ ...form, amount: e.target.value })}
        />
        <SelectField
          label="Currency of the rate"
          value={form.currency}
          error={fieldError('marketRate.currency', local, add.error)}
          onChange={(e) => setForm({ ...form, currency: e.target.value })}
          options={currencies.map((c) => ({ value: c, label: `${c} — ${currencyName(c)}` }))}
        />
      </div>
      <Button type="submit" busy={add.isPending}>
        Add category
      </Button>
    </form>
  );
}

const OTHER = 'other';

function AddCurrency({ listed }: { listed: string[] }) {
  const unlisted = COMMON_CURRENCIES.filter((c) => !listed.includes(c));
  const [choice, setChoice] = useState(unlisted[0] ?? OTHER);
  const [code, setCode] = useState('');
  const [perUsd, setPerUsd] = useState('');
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const [added, setAdded] = useState<string>();
  const add = useSaveRate();
  // Once the chosen common currency is listed, move on to the next one not yet listed.
  const selected = choice === OTHER || unlisted.includes(choice) ? choice : (unlisted[0] ?? OTHER);
  const typing = selected === OTHER;
  const currency = typing ? code.trim().toUpperCase() : selected;

  function submit(e: FormEvent) {
    e.preventDefault();
    setAdded(undefined);
    const errors = {
      code: !typing
        ? undefined
        : !isCurrency(currency)
          ? 'Not an ISO 4217 code, such as EUR.'
          : listed.includes(currency)
            ? `${currency} is listed above; change its rate there.`
            : undefined,
      perUsd: perUsdError(perUsd),
    };
    setLocal(errors);
    add.reset();
    if (errors.code || errors.perUsd) return;
    add.mutate(
      { currency, perUsd: parseDecimal(perUsd) ?? 0 },
      {
        onSuccess: (saved) => {
          setAdded(saved.currency);
          setCode('');
          setPerUsd('');
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={submit} className={addClass} aria-labelledby="add-currency">
      <h3 id="add-currency" className="text-sm font-semibold text-slate-900">
        Add a currency
      </h3>
      {added && (
        <Alert tone="success">
          Added {added} ({currencyName(added)}).
        </Alert>
      )}
      {add.isError && <ProblemAlert error={add.error} shown={['perUsd']} />}
      <div className="grid gap-4 sm:grid-cols-3">
        {unlisted.length > 0 && (
          <SelectField
            label="Currency"
            value={selected}
            onChange={(e) => setChoice(e.target.value)}
            options={[
              ...unlisted.map((c) => ({ value: c, label: `${c} — ${currencyName(c)}` })),
              { value: OTHER, label: 'Another currency…' },
            ]}
          />
        )}
        {typing && (
          <TextField
            label="ISO currency code"
            hint={
              unlisted.length === 0
                ? 'Every common currency is listed; type another, such as THB.'
                : 'Such as THB.'
            }
            value={code}
            maxLength={3}
            autoCapitalize="characters"
            error={local.code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
        <TextField
          label="Units per US dollar"
          inputMode="decimal"
          placeholder="0.92"
          value={perUsd}
          error={fieldError('perUsd', local, add.error)}
          onChange={(e) => setPerUsd(e.target.value)}
        />
      </div>
      <Button type="submit" busy={add.isPending}>
        Add currency
      </Button>
    </form>
  );
}
