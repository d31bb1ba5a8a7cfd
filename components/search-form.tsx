import { MAX_QUERY_LENGTH } from '@/lib/reading/search';

/** A plain GET form to /search: works without JavaScript, bookmarkable results. */
export function SearchForm({
  id,
  query = '',
  label,
  labels,
}: {
  id: string;
  query?: string;
  label?: string;
  labels?: string[];
}) {
  return (
    <form action="/search" method="get" role="search" className="flex flex-wrap gap-2">
      <label htmlFor={id} className="sr-only">
        Search this blog
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={query}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Search this blog"
        className="field min-w-0 flex-1 py-1.5 text-sm"
      />
      {labels && labels.length > 0 ? (
        <>
          <label htmlFor={`${id}-label`} className="sr-only">
            Only posts with label
          </label>
          <select id={`${id}-label`} name="label" defaultValue={label ?? ''} className="field w-auto py-1.5 text-sm">
            <option value="">All labels</option>
            {labels.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button type="submit" className="btn-primary py-1.5">
        Search
      </button>
    </form>
  );
}
