import Link from "next/link";

interface Labels {
  page: string;
  previous: string;
  next: string;
}

/** Previous/next links that keep every other filter in the URL. */
export function Pagination({
  page,
  pages,
  params,
  labels,
}: {
  page: number;
  pages: number;
  params: URLSearchParams;
  labels: Labels;
}) {
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(target));
    return `/listings?${next}`;
  };
  return (
    <nav className="pagination" aria-label={labels.page}>
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
