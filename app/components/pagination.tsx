import { Link } from './link';

/** Page numbers shown around the current one. */
const WINDOW = 2;

/** Pages to link: the first, the last, and a window around the current one; null marks a gap. */
export function pageNumbers(current: number, last: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let page = 1; page <= last; page += 1) {
    if (page === 1 || page === last || Math.abs(page - current) <= WINDOW) pages.push(page);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}

/** Previous / numbered / next links; `href(page)` builds each page's URL. */
export function Pagination({
  page,
  lastPage,
  href,
  label = 'Pages',
}: {
  page: number;
  lastPage: number;
  href: (page: number) => string;
  label?: string;
}) {
  if (lastPage <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        <li>
          {page > 1 ? (
            <Link href={href(page - 1)} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span aria-disabled="true">← Previous</span>
          )}
        </li>
        {pageNumbers(page, lastPage).map((number, index) =>
          number === null ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={number}>
              {number === page ? (
                <span aria-current="page">{number}</span>
              ) : (
                <Link href={href(number)} aria-label={`Page ${number}`}>
                  {number}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {page < lastPage ? (
            <Link href={href(page + 1)} rel="next">
              Next →
            </Link>
          ) : (
            <span aria-disabled="true">Next →</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
