import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import { SUPERVISION_LIST_STATUSES, type SupervisionFilter } from "@/lib/projects/supervision/schema";

/** The 督办台账's filters as a plain GET form: the address carries them, so a filtered ledger can be shared. */
export async function SupervisionFilters({ filter, manager }: { filter: SupervisionFilter; manager: boolean }) {
  const text = (await getMessages()).supervision.list;
  const check = (name: "overdue" | "mine" | "terminated") => (
    <div className="field checkbox">
      <label>
        <input type="checkbox" name={name} value="1" defaultChecked={filter[name]} /> {text[name]}
      </label>
    </div>
  );
  return (
    <form
      method="get"
      action="/crm/projects/supervision"
      className="panel filters"
      aria-label={text.filters}
      role="search"
    >
      <div className="form-row three">
        <div className="field">
          <label htmlFor="supervision-q">{text.q}</label>
          <span className="hint" id="supervision-q-hint">
            {text.qHint}
          </span>
          <input
            id="supervision-q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            aria-describedby="supervision-q-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="supervision-status">{text.status}</label>
          <select id="supervision-status" name="status" defaultValue={filter.status}>
            {SUPERVISION_LIST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {text.statuses[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          {check("overdue")}
          {manager && check("mine")}
          {check("terminated")}
        </div>
      </div>
      <p className="actions">
        <button className="button" type="submit">
          {text.apply}
        </button>
        <Link href="/crm/projects/supervision">{text.clear}</Link>
      </p>
    </form>
  );
}
