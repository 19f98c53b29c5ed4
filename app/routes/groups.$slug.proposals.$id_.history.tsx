// A published proposal's history: every saved version, and a word-level comparison of any
// two. The diff is computed on the server; the page ships no diff or editor code.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/ui/button'
import { SelectField } from '~/components/ui/field'
import { documentToPlainText, parseProposalDocument } from '~/editor/document'
import { loadProposalContext } from '~/models/proposal-context.server'
import { listRevisions } from '~/models/proposal.server'
import { longDate } from '~/utils/dates'
import { loaderSupabase } from '~/utils/supabase.server'
import { diffWords } from '~/utils/word-diff'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `History of ${data.proposal.title} · Policy Forum` : 'Policy Forum' },
]

function revisionText(revision: { title: string; summary: string; body: unknown }) {
  const parsed = parseProposalDocument(revision.body)
  const body = parsed.ok ? documentToPlainText(parsed.doc) : ''
  return [revision.title, revision.summary, body].filter(Boolean).join('\n\n')
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = loaderSupabase(request, loadContext)
  const { proposal, group } = await loadProposalContext(supabase, params.slug, params.id, headers)
  const revisions = await listRevisions(supabase, proposal.id)
  const url = new URL(request.url)
  const versions = revisions.map((r) => r.version)
  const pick = (name: string, fallback: number | undefined) => {
    const wanted = Number(url.searchParams.get(name))
    return versions.includes(wanted) ? wanted : fallback
  }
  const to = pick('to', versions[0])
  const from = pick('from', versions.find((v) => to !== undefined && v < to) ?? to)
  const older = revisions.find((r) => r.version === from)
  const newer = revisions.find((r) => r.version === to)
  const diff = older && newer ? diffWords(revisionText(older), revisionText(newer)) : []
  return json(
    {
      group: { slug: group.slug },
      proposal: { id: proposal.id, title: proposal.title },
      revisions: revisions.map((r) => ({
        version: r.version,
        createdAt: r.created_at,
        editor: r.editor?.display_name ?? 'A former member',
      })),
      from,
      to,
      diff,
    },
    { headers },
  )
}

export default function ProposalHistory() {
  const { group, proposal, revisions, from, to, diff } = useLoaderData<typeof loader>()
  const changed = diff.some((part) => part.kind !== 'same')
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <p>
          <Link
            to={`/groups/${group.slug}/proposals/${proposal.id}`}
            className="text-brand-700 underline"
          >
            Back to the proposal
          </Link>
        </p>
        <h2 className="mt-2 text-3xl font-bold">History of “{proposal.title}”</h2>
      </div>
      <section aria-labelledby="versions-heading">
        <h3 id="versions-heading" className="text-xl font-bold">
          Versions
        </h3>
        <ol className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
          {revisions.map((r) => (
            <li key={r.version} className="p-3">
              Version {r.version} · {r.editor} ·{' '}
              <time dateTime={r.createdAt}>{longDate(r.createdAt)}</time>
            </li>
          ))}
        </ol>
      </section>
      {revisions.length > 1 ? (
        <section aria-labelledby="compare-heading">
          <h3 id="compare-heading" className="text-xl font-bold">
            Compare two versions
          </h3>
          <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
            <SelectField id="from" name="from" label="Older version" defaultValue={String(from)}>
              {revisions.map((r) => (
                <option key={r.version} value={r.version}>
                  Version {r.version}
                </option>
              ))}
            </SelectField>
            <SelectField id="to" name="to" label="Newer version" defaultValue={String(to)}>
              {revisions.map((r) => (
                <option key={r.version} value={r.version}>
                  Version {r.version}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary">
              Compare
            </Button>
          </Form>
          <p className="mt-4 text-sm text-stone-700">
            Comparing version {from} with version {to}.{' '}
            <span className="rounded bg-green-100 px-1 text-green-900">Added words</span> and{' '}
            <span className="rounded bg-rose-100 px-1 text-rose-900 line-through">
              removed words
            </span>{' '}
            are marked.
          </p>
          <div
            className="mt-3 whitespace-pre-wrap rounded-xl border border-stone-300 bg-white p-5 leading-7"
            data-testid="diff"
          >
            {changed
              ? diff.map((part, index) =>
                  part.kind === 'same' ? (
                    <span key={index}>{part.text}</span>
                  ) : part.kind === 'added' ? (
                    <ins key={index} className="rounded bg-green-100 text-green-900 no-underline">
                      <span className="sr-only">[added: </span>
                      {part.text}
                      <span className="sr-only">]</span>
                    </ins>
                  ) : (
                    <del key={index} className="rounded bg-rose-100 text-rose-900">
                      <span className="sr-only">[removed: </span>
                      {part.text}
                      <span className="sr-only">]</span>
                    </del>
                  ),
                )
              : 'These two versions have the same text.'}
          </div>
        </section>
      ) : (
        <p className="text-stone-700">There is only one version so far.</p>
      )}
    </div>
  )
}
