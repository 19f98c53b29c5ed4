import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PlainText } from '~/components/plain-text'
import { ProposalCard } from '~/components/proposal-card'
import { buttonClass } from '~/components/ui/button'
import { loadGroupContext } from '~/models/group-context.server'
import { listFacilitators } from '~/models/group.server'
import { listPublishedProposals, listViewerDrafts } from '~/models/proposal.server'
import { timeAgo } from '~/utils/dates'
import { createSupabaseServerClient } from '~/utils/supabase.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.group.name} · Policy Forum` : 'Policy Forum' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { supabase, headers } = createSupabaseServerClient(request)
  const context = await loadGroupContext(supabase, params.slug, headers)
  const { group } = context
  const [facilitators, proposals, drafts] = await Promise.all([
    listFacilitators(supabase, [group.id]),
    listPublishedProposals(supabase, group.id),
    context.user ? listViewerDrafts(supabase, group.id) : Promise.resolve([]),
  ])
  return json(
    {
      group,
      facilitators: facilitators.get(group.id) ?? [],
      proposals,
      drafts,
      canPropose: context.isActiveMember && !group.archived_at,
      now: Date.now(),
    },
    { headers },
  )
}

export default function GroupPage() {
  const { group, facilitators, proposals, drafts, canPropose, now } = useLoaderData<typeof loader>()
  return (
    <div className="grid gap-10 lg:grid-cols-3">
      <div className="space-y-10 lg:col-span-2">
        <section aria-labelledby="proposals-heading">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="proposals-heading" className="text-xl font-bold">
              Proposals
            </h2>
            {canPropose ? (
              <Link to={`/groups/${group.slug}/proposals/new`} className={buttonClass('primary')}>
                Write a proposal
              </Link>
            ) : null}
          </div>
          {drafts.length ? (
            <div className="mt-4 rounded-xl border border-dashed border-stone-400 bg-stone-100 p-4">
              <h3 className="font-semibold">Your drafts (only you and your co-authors can see them)</h3>
              <ul className="mt-2 space-y-1">
                {drafts.map((draft) => (
                  <li key={draft.id}>
                    <Link to={`/groups/${group.slug}/proposals/${draft.id}`} className="text-brand-700 underline">
                      {draft.title}
                    </Link>{' '}
                    <span className="text-sm text-stone-700">saved {timeAgo(draft.updated_at, now)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {proposals.length ? (
            <ul className="mt-4 space-y-4">
              {proposals.map((proposal) => (
                <li key={proposal.id}>
                  <ProposalCard proposal={proposal} groupSlug={group.slug} now={now} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-4 text-stone-700">No proposals yet. {canPropose ? 'Be the first to write one.' : 'Join the group to write the first.'}</p>
          )}
        </section>
      </div>
      <aside className="space-y-6">
        <section aria-labelledby="about-heading" className="rounded-xl border border-stone-300 bg-white p-5">
          <h2 id="about-heading" className="text-lg font-bold">
            About this group
          </h2>
          <PlainText text={group.description || group.summary} className="mt-2 text-stone-800" />
        </section>
        <section aria-labelledby="people-heading" className="rounded-xl border border-stone-300 bg-white p-5">
          <h2 id="people-heading" className="text-lg font-bold">
            People
          </h2>
          <p className="mt-1 text-stone-700">{group.member_count === 1 ? '1 member' : `${group.member_count} members`}</p>
          <h3 className="mt-3 font-semibold">Facilitators</h3>
          {facilitators.length ? (
            <ul className="mt-1 space-y-1">
              {facilitators.map((f) => (
                <li key={f.id}>
                  <Link to={`/members/${f.id}`} className="text-brand-700 underline">
                    {f.displayName}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-stone-700">None yet.</p>
          )}
        </section>
      </aside>
    </div>
  )
}
