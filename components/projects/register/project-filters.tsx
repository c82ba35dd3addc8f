import Link from "next/link";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import {
  PROJECT_SORTS,
  PROJECT_STATUS_FILTERS,
  PROJECT_WARNINGS,
  type ProjectFilter,
} from "@/lib/projects/register/schema";

interface Options {
  parks: { id: string; name: string; nameEn: string }[];
  owners: { id: string; name: string }[];
}

/** The list's filters as a plain GET form: the address carries them, so a filtered list can be shared and exported. */
export async function ProjectFilters({ filter, options }: { filter: ProjectFilter; options: Options }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const text = messages.projects.list;
  return (
    <form method="get" action="/crm/projects" className="panel filters" aria-label={text.filters} role="search">
      <div className="form-row three">
        <div className="field">
          <label htmlFor="filter-q">{text.q}</label>
          <span className="hint" id="filter-q-hint">
            {text.qHint}
          </span>
          <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} aria-describedby="filter-q-hint" />
        </div>
        <div className="field">
          <label htmlFor="filter-park">{text.park}</label>
          <select id="filter-park" name="park" defaultValue={filter.park ?? ""}>
            <option value="">{text.any}</option>
            {options.parks.map((park) => (
              <option key={park.id} value={park.id}>
                {localized(locale, park.name, park.nameEn)}
              </option>
            ))}
          </select>
        </div>
        {options.owners.length > 0 && (
          <div className="field">
            <label htmlFor="filter-owner">{text.owner}</label>
            <select id="filter-owner" name="owner" defaultValue={filter.owner ?? ""}>
              <option value="">{text.any}</option>
              {options.owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="filter-status">{text.status}</label>
          <select id="filter-status" name="status" defaultValue={filter.status}>
            {PROJECT_STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {text.statuses[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-warning">{text.warning}</label>
          <select id="filter-warning" name="warning" defaultValue={filter.warning ?? ""}>
            <option value="">{text.any}</option>
            {PROJECT_WARNINGS.map((warning) => (
              <option key={warning} value={warning}>
                {text.warnings[warning]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-year">{text.year}</label>
          <input id="filter-year" name="year" inputMode="numeric" pattern="[0-9]{4}" defaultValue={filter.year ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-sort">{text.sort}</label>
          <select id="filter-sort" name="sort" defaultValue={filter.sort}>
            {PROJECT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {text.sorts[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button className="button" type="submit">
          {text.apply}
        </button>
        <Link href="/crm/projects">{text.clear}</Link>
      </div>
    </form>
  );
}
