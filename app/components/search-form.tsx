import type { FacetCounts, FacetName } from '@/lib/search/engine';
import { DEFAULT_PER_PAGE, type JobQuery } from '@/lib/search/query';
import { TAG_LABELS } from '@/lib/normalize/tags';
import { CATEGORIES, EMPLOYMENT_TYPES, SENIORITIES } from '@/lib/normalize/types';
import { countryOptions } from '@/lib/site/country-names';
import { innerHtml, Markup, markup } from './markup';
import {
  CATEGORY_LABELS,
  EMPLOYMENT_TYPE_LABELS,
  SALARY_FLOORS,
  SENIORITY_LABELS,
  timezoneChoices,
} from '@/lib/site/search-options';

/** Values listed for the company and tag facets (the most frequent first). */
const TOP_COMPANIES = 12;
const TOP_TAGS = 20;

/**
 * Workplace as one choice rather than three checkboxes: remote is the default when none is given,
 * so unticking "remote" could never mean "not remote". Comma lists are valid JobQuery values.
 */
const WORKPLACE_CHOICES = [
  { value: '', label: 'Remote only' },
  { value: 'remote,hybrid', label: 'Remote or hybrid' },
  { value: 'remote,hybrid,onsite', label: 'Remote, hybrid or on-site' },
  { value: 'hybrid', label: 'Hybrid only' },
  { value: 'onsite', label: 'On-site only' },
] as const;

function workplaceValue(query: JobQuery): string {
  const value = query.workplace.join(',');
  return value === 'remote' ? '' : value;
}

export const SEARCH_FORM_ID = 'search';

/** The options of the long selects, as markup without a selection, built once per list. */
const optionLists = new Map<string, string>();

/**
 * A select's options as markup, the chosen one `selected` (the select's `defaultValue` does not
 * reach options React did not render, and a page without JavaScript shows what the markup selects).
 *
 * Why markup: the country list alone is 250 options on every page, a quarter of the search page's
 * elements. As React elements they would be rendered on every view; as one string, built once, they
 * cost a copy.
 */
function selectOptions(
  list: string,
  blank: string,
  choices: () => readonly { value: string; label: string }[],
  selected: string,
): Markup {
  let options = optionLists.get(list);
  if (options === undefined) {
    options = markup`<option value="">${blank}</option>${choices().map(
      ({ value, label }) => markup`<option value="${value}">${label}</option>`,
    )}`.value;
    optionLists.set(list, options);
  }
  if (!selected) return new Markup(options);
  return new Markup(
    options.replace(
      markup`<option value="${selected}">`.value,
      markup`<option value="${selected}" selected="">`.value,
    ),
  );
}

const countryChoices = () => countryOptions().map(({ code, name }) => ({ value: code, label: name }));

interface Option {
  value: string;
  label: string;
  count: number;
}

/**
 * Options of a checkbox facet: the values with jobs under the current filters, plus the ones ticked
 * (so a tick can always be undone, even when it matches nothing now).
 */
function facetOptions(
  values: readonly string[],
  counts: FacetCounts,
  selected: readonly string[],
  label: (value: string) => string,
): Option[] {
  return values
    .filter((value) => (counts[value] ?? 0) > 0 || selected.includes(value))
    .map((value) => ({ value, label: label(value), count: counts[value] ?? 0 }));
}

/**
 * A facet's checkboxes as markup (see markup.ts): the facets are most of the search page's elements
 * and none of them is rendered again in the browser, the form's own state lives in the DOM.
 */
function checkboxesMarkup(name: string, options: readonly Option[], selected: readonly string[]): Markup {
  return markup`${options.map((option) => {
    const id = `${name}-${option.value}`;
    const checked = selected.includes(option.value) ? markup` checked=""` : null;
    const count = option.count.toLocaleString('en');
    return markup`<li><input type="checkbox" id="${id}" name="${name}" value="${option.value}"${checked}/><label for="${id}">${option.label} <span class="count">${count}</span></label></li>`;
  })}`;
}

function CheckboxGroup({
  legend,
  name,
  options,
  selected,
  open,
}: {
  legend: string;
  name: string;
  options: Option[];
  selected: readonly string[];
  open?: boolean;
}) {
  if (options.length === 0) return null;
  const checked = selected.filter((value) => options.some((option) => option.value === value)).length;
  return (
    <details className="facet" open={open || checked > 0}>
      <summary>
        {legend}
        {checked > 0 ? <span className="facet-active"> ({checked} selected)</span> : null}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{legend}</legend>
        <ul className="checks" {...innerHtml(checkboxesMarkup(name, options, selected))} />
      </fieldset>
    </details>
  );
}

/**
 * The search form: a plain GET form, so it works without JavaScript; FilterAutoApply makes it apply
 * on change when JavaScript runs. Every control's name is a JobQuery parameter.
 */
export function SearchForm({
  query,
  facets,
  companyNames,
}: {
  query: JobQuery;
  facets: Record<FacetName, FacetCounts>;
  companyNames: Record<string, string>;
}) {
  const companies = [...new Set([...Object.keys(facets.company).slice(0, TOP_COMPANIES), ...query.company])];
  const tags = [...new Set([...Object.keys(facets.tag).slice(0, TOP_TAGS), ...query.tag])];
  return (
    <form id={SEARCH_FORM_ID} className="search-form" method="get" action="/">
      {/* State with no visible control rides along, so changing a filter keeps it. */}
      {query.perPage !== DEFAULT_PER_PAGE ? (
        <input type="hidden" name="perPage" value={query.perPage} />
      ) : null}
      {query.status !== 'open' ? <input type="hidden" name="status" value={query.status} /> : null}
      <div className="search-bar" role="search">
        <div className="field field-q">
          <label htmlFor="q">Search jobs</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
            placeholder="Title, skill or company"
            maxLength={200}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="country">I can work from</label>
          <select
            id="country"
            name="country"
            {...innerHtml(
              selectOptions('country', 'Anywhere / show all', countryChoices, query.country ?? ''),
            )}
          />
        </div>
        <div className="field">
          <label htmlFor="tz">My time zone</label>
          <select
            id="tz"
            name="tz"
            {...innerHtml(
              selectOptions(
                'tz',
                'Any time zone',
                timezoneChoices,
                query.tz === null ? '' : String(query.tz),
              ),
            )}
          />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </div>

      <div className="filter-panel" role="group" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="filters-heading">
          Filters
        </h2>
        <CheckboxGroup
          legend="Category"
          name="category"
          open
          options={facetOptions(
            CATEGORIES,
            facets.category,
            query.category,
            (v) => CATEGORY_LABELS[v as keyof typeof CATEGORY_LABELS],
          )}
          selected={query.category}
        />
        <CheckboxGroup
          legend="Seniority"
          name="seniority"
          options={facetOptions(
            SENIORITIES,
            facets.seniority,
            query.seniority,
            (v) => SENIORITY_LABELS[v as keyof typeof SENIORITY_LABELS],
          )}
          selected={query.seniority}
        />
        <CheckboxGroup
          legend="Type"
          name="type"
          options={facetOptions(
            EMPLOYMENT_TYPES,
            facets.type,
            query.type,
            (v) => EMPLOYMENT_TYPE_LABELS[v as keyof typeof EMPLOYMENT_TYPE_LABELS],
          )}
          selected={query.type}
        />
        <fieldset className="plain">
          <legend>Salary</legend>
          <label htmlFor="salaryMin">At least (a year, in US dollars)</label>
          <select
            id="salaryMin"
            name="salaryMin"
            defaultValue={query.salaryMin === null ? '' : String(query.salaryMin)}
          >
            <option value="">Any salary</option>
            {[...new Set([...SALARY_FLOORS, ...(query.salaryMin === null ? [] : [query.salaryMin])])]
              .sort((a, b) => a - b)
              .map((floor) => (
                <option key={floor} value={String(floor)}>
                  ${floor.toLocaleString('en')}
                </option>
              ))}
          </select>
          <div className="check">
            <input
              type="checkbox"
              id="salary-stated"
              name="salary"
              value="stated"
              defaultChecked={query.salary === 'stated'}
            />
            <label htmlFor="salary-stated">Hide jobs without a stated salary</label>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="posted">Posted within</label>
          <select id="posted" name="posted" defaultValue={query.posted === null ? '' : String(query.posted)}>
            <option value="">Any time</option>
            <option value="1">The last 24 hours</option>
            <option value="7">The last 7 days</option>
            <option value="30">The last 30 days</option>
          </select>
        </div>
        <CheckboxGroup
          legend="Tags"
          name="tag"
          options={facetOptions(tags, facets.tag, query.tag, (v) => TAG_LABELS[v] ?? v)}
          selected={query.tag}
        />
        <CheckboxGroup
          legend="Company"
          name="company"
          options={facetOptions(companies, facets.company, query.company, (v) => companyNames[v] ?? v)}
          selected={query.company}
        />
        <div className="field">
          <label htmlFor="workplace">Workplace</label>
          <select id="workplace" name="workplace" defaultValue={workplaceValue(query)}>
            {WORKPLACE_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button apply">
          Apply filters
        </button>
      </div>
    </form>
  );
}
