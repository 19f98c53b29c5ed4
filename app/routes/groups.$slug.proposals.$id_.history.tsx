// A published proposal's history: every saved version, and a word-level comparison of any
// two. The diff is computed on the server; the page ships no diff or editor code.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/ui/button'
import { SelectField } from '~/components/ui/field'
import { WordDiffLegend, WordDiffView } from '~/components/word-diff-view'
import { documentToPlainText, parseProposalDocument } from '~/editor/document'
import { loadProposalContext } from '~/models/proposal-context.server'
import { RoleBadge } from '~/components/role-badge'
import { roleBadge } from '~/utils/role-badge'
import { findRevisionVersion, getRevisionTexts, listRevisions } from '~/models/proposal.server'
import { dateAndTime } from '~/utils/dates'
import { diffWords } from '~/utils/word-diff'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `History of ${data.proposal.title} · Policy Forum` : 'Policy Forum' },
]

function revisionText(revision: { title: string; summary: string; body: unknown }) {
  const parsed = parseProposalDocument(revision.body)
  const body = parsed.ok ? documentToPlainText(parsed.doc) : ''
  return [revision.title, revision.summary, body].filter(Boolean).join('\n\n')
}

function versionParam(url: URL, name: string) {
  const raw = url.searchParams.get(name)
  const value = raw === null ? NaN : Number(raw)
  return Number.isInteger(value) && value >= 1 && value <= 2_147_483_647 ? value : null
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const { proposal, group } = await loadProposalContext(supabase, params.slug, params.id, headers)
  const url = new URL(request.url)
  const before = versionParam(url, 'before')
  // Only one page of versions is listed, without their texts; only the two compared are read.
  const page = await listRevisions(supabase, proposal.id, { before: before ?? undefined })
  const wantedTo = versionParam(url, 'to')
  const to = await findRevisionVersion(supabase, proposal.id, wantedTo)
  const wantedFrom = versionParam(url, 'from')
  const from =
    (wantedFrom !== null ? await findRevisionVersion(supabase, proposal.id, wantedFrom) : null) ??
    (to !== undefined ? await findRevisionVersion(supabase, proposal.id, to, true) : undefined) ??
    to
  const texts = await getRevisionTexts(
    supabase,
    proposal.id,
    [from, to].filter((v): v is number => v !== undefined),
  )
  const older = texts.find((r) => r.version === from)
  const newer = texts.find((r) => r.version === to)
  const diff = older && newer ? diffWords(revisionText(older), revisionText(newer)) : []
  const listed = page.revisions.map((r) => r.version)
  const choices = [...new Set([...listed, from, to])]
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => b - a)
  const last = page.revisions.at(-1)?.version
  const keep = (extra: Record<string, string>) => {
    const next = new URLSearchParams()
    if (from !== undefined) next.set('from', String(from))
    if (to !== undefined) next.set('to', String(to))
    for (const [key, value] of Object.entries(extra)) next.set(key, value)
    return `?${next}`
  }
  return json(
    {
      group: { slug: group.slug },
      proposal: { id: proposal.id, title: proposal.title },
      revisions: page.revisions.map((r) => ({
        version: r.version,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        editor: r.editor?.display_name ?? 'A former member',
        badge: roleBadge(r.editor?.role_badge),
        amendmentId: r.amendment_id,
        changeNote: r.change_note,
      })),
      olderHref: page.hasOlder && last !== undefined ? keep({ before: String(last) }) : null,
      newestHref: before !== null ? keep({}) : null,
      hasSeveral:
        from !== undefined &&
        to !== undefined &&
        (from !== to || page.hasOlder || listed.length > 1),
      choices,
      before,
      from,
      to,
      diff,
    },
    { headers },
  )
}

export default function ProposalHistory() {
  const {
    group,
    proposal,
    revisions,
    olderHref,
    newestHref,
    hasSeveral,
    choices,
    before,
    from,
    to,
    diff,
  } = useLoaderData<typeof loader>()
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
              Version {r.version} · {r.editor}
              <RoleBadge badge={r.badge} /> ·{' '}
              <time dateTime={r.updatedAt}>{dateAndTime(r.updatedAt)}</time>
              {r.amendmentId ? (
                <>
                  {' '}
                  ·{' '}
                  <Link
                    to={`/groups/${group.slug}/proposals/${proposal.id}/amendments/${r.amendmentId}`}
                    className="text-brand-700 underline"
                  >
                    their suggested change, accepted
                  </Link>
                </>
              ) : null}
              {r.changeNote ? (
                <p className="mt-1 text-stone-800">
                  <span className="font-semibold">What changed: </span>
                  {r.changeNote}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
        {olderHref || newestHref ? (
          <nav aria-label="Pages of versions" className="mt-3 flex gap-4">
            {newestHref ? (
              <Link to={newestHref} className="text-brand-700 underline">
                Newest versions
              </Link>
            ) : null}
            {olderHref ? (
              <Link to={olderHref} className="text-brand-700 underline">
                Older versions
              </Link>
            ) : null}
          </nav>
        ) : null}
        {before !== null && revisions.length === 0 ? (
          <p className="mt-3 text-stone-700">There are no older versions.</p>
        ) : null}
        <p className="mt-3 text-sm text-stone-700">
          Saves by the same person within ten minutes are kept as one version.
        </p>
      </section>
      {hasSeveral ? (
        <section aria-labelledby="compare-heading">
          <h3 id="compare-heading" className="text-xl font-bold">
            Compare two versions
          </h3>
          <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
            <SelectField id="from" name="from" label="Older version" defaultValue={String(from)}>
              {choices.map((version) => (
                <option key={version} value={version}>
                  Version {version}
                </option>
              ))}
            </SelectField>
            <SelectField id="to" name="to" label="Newer version" defaultValue={String(to)}>
              {choices.map((version) => (
                <option key={version} value={version}>
                  Version {version}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary">
              Compare
            </Button>
          </Form>
          <p className="mt-4 text-sm text-stone-700">
            Comparing version {from} with version {to}. <WordDiffLegend />
          </p>
          <WordDiffView diff={diff} sameText="These two versions have the same text." />
        </section>
      ) : (
        <p className="text-stone-700">There is only one version so far.</p>
      )}
    </div>
  )
}
