import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { HighlightedExcerpt } from '~/components/highlighted-excerpt'
import { StatusBadge } from '~/components/status-badge'
import { Button } from '~/components/ui/button'
import { listActiveGroups } from '~/models/group.server'
import { searchProposals } from '~/models/search.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query ? `“${data.query}” · Search · Policy Forum` : 'Search · Policy Forum' },
]

export async function loader({ request, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const url = new URL(request.url)
  const query = (url.searchParams.get('q') ?? '').trim().slice(0, 200)
  const group = url.searchParams.get('group') ?? ''
  const page = Math.min(Math.max(Number(url.searchParams.get('page')) || 1, 1), 100)
  const [groups, found] = await Promise.all([
    listActiveGroups(supabase),
    query
      ? searchProposals(supabase, query, { group, page })
      : Promise.resolve({ results: [], more: false }),
  ])
  return json(
    { query, group, page, groups: groups.map((g) => ({ slug: g.slug, name: g.name })), ...found },
    { headers },
  )
}

export default function Search() {
  const { query, group, page, groups, results, more } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const pageLink = (n: number) =>
    `/search?${new URLSearchParams({ q: query, ...(group ? { group } : {}), page: String(n) })}`
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Search proposals</h1>
      <Form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <label htmlFor="q" className="block font-semibold">
            Words to find
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={200}
            className="mt-1 block w-full rounded-md border border-stone-500 bg-white px-3 py-2"
            aria-describedby="q-hint"
          />
          <p id="q-hint" className="text-sm text-stone-700">
            Use quotes for a phrase and a minus sign to leave a word out: “season ticket” -weekend
          </p>
        </div>
        <div>
          <label htmlFor="group" className="block font-semibold">
            Group
          </label>
          <select
            id="group"
            name="group"
            defaultValue={group}
            className="mt-1 block rounded-md border border-stone-500 bg-white px-3 py-2"
          >
            <option value="">All groups</option>
            {groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" pending={navigation.state === 'loading'}>
          Search
        </Button>
      </Form>
      {query ? (
        <section aria-labelledby="results-heading" className="mt-8">
          <h2 id="results-heading" className="text-xl font-bold" aria-live="polite">
            {results.length
              ? `Results for “${query}”${page > 1 ? `, page ${page}` : ''}`
              : `Nothing found for “${query}”`}
          </h2>
          <ol className="mt-4 space-y-4">
            {results.map((result) => (
              <li key={result.id} className="rounded-xl border border-stone-300 bg-white p-5">
                <div className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
                  <StatusBadge status={result.status} />
                  <span>{result.group_name}</span>
                  <span>· {result.support_count} support</span>
                </div>
                <h3 className="mt-2 text-lg font-bold">
                  <Link
                    to={`/groups/${result.group_slug}/proposals/${result.id}`}
                    className="hover:underline"
                  >
                    {result.title}
                  </Link>
                </h3>
                {result.summary ? <p className="mt-1 text-stone-800">{result.summary}</p> : null}
                {result.excerpt ? (
                  <p className="mt-2 text-sm text-stone-700">
                    <HighlightedExcerpt text={result.excerpt} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          {page > 1 || more ? (
            <nav aria-label="Pages of results" className="mt-6 flex gap-4">
              {page > 1 ? (
                <Link to={pageLink(page - 1)} className="font-semibold text-brand-700 underline">
                  Previous page
                </Link>
              ) : null}
              {more ? (
                <Link to={pageLink(page + 1)} className="font-semibold text-brand-700 underline">
                  Next page
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
