import Link from "next/link";
import styles from "./listings-admin.module.css";

/** Previous/next links under `path` that keep the other filters in the URL. */
export function AdminPager({
  path,
  page,
  pages,
  params,
  labels,
}: {
  path: string;
  page: number;
  pages: number;
  params: URLSearchParams;
  labels: { page: string; previous: string; next: string };
}) {
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(target));
    return `${path}?${next}`;
  };
  return (
    <nav className={styles.pager} aria-label={labels.page}>
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev" className="button secondary">
          {labels.previous}
        </Link>
      )}
      <span>{labels.page}</span>
      {page < pages && (
        <Link href={hrefFor(page + 1)} rel="next" className="button secondary">
          {labels.next}
        </Link>
      )}
    </nav>
  );
}
