import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { NewProposalsNotice } from '~/components/new-proposals-notice'
import { PlainText } from '~/components/plain-text'
import { ListingControls, ListingPager } from '~/components/proposal-listing-controls'
import { ProposalCard } from '~/components/proposal-card'
import { buttonClass } from '~/components/ui/button'
import { loadGroupContext } from '~/models/group-context.server'
import { markGroupSeen } from '~/models/member-home.server'
import { listPublishedProposals } from '~/models/proposal.server'
import { parseListingParams, proposalSorts, proposalsPerPage } from '~/utils/proposal-listing'
import { timeAgo } from '~/utils/dates'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

// What a link to the group unfurls as (Open Graph, X cards).
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: 'Policy Forum' }]
  const root = matches.find((match) => match.id === 'root')?.data as
    { campaign?: { name?: string } } | undefined
  const { group } = data
  return [
    { title: `${group.name} · Policy Forum` },
    { name: 'description', content: group.summary },
    { tagName: 'link', rel: 'canonical', href: data.shareUrl },
    { property: 'og:type', content: 'website' },
    { property: 'og:site_name', content: root?.campaign?.name ?? 'Policy Forum' },
    { property: 'og:title', content: `${group.name}: a policy group` },
    { property: 'og:description', content: group.summary },
    { property: 'og:url', content: data.shareUrl },
    { name: 'twitter:card', content: 'summary' },
    { name: 'twitter:title', content: `${group.name}: a policy group` },
    { name: 'twitter:description', content: group.summary },
  ]
}

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const { sort, status, page } = parseListingParams(new URL(request.url).searchParams)
  const [context, listing] = await Promise.all([
    loadGroupContext(supabase, params.slug, headers),
    listPublishedProposals(supabase, params.slug ?? '', { sort, status, page }),
  ])
  const { group } = context
  invariantResponse(listing, 'There is no policy group at this address.', { status: 404, headers })
  // The member's last visit moves at most every ten minutes (private.group_seen_is_due).
  if (context.isActiveMember && context.seenDue) await markGroupSeen(supabase, group.id)
  const { proposals, total, facilitators, drafts } = listing
  return json(
    {
      group,
      facilitators,
      proposals,
      total,
      sort,
      status,
      page,
      pages: Math.max(1, Math.ceil(total / proposalsPerPage)),
      drafts,
      canPropose: context.isActiveMember && !group.archived_at,
      shareUrl: new URL(`/groups/${group.slug}`, request.url).href,
      now: Date.now(),
    },
    { headers },
  )
}

export default function GroupPage() {
  const {
    group,
    facilitators,
    proposals,
    drafts,
    canPropose,
    now,
    sort,
    status,
    page,
    pages,
    total,
  } = useLoaderData<typeof loader>()
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
              <h3 className="font-semibold">
                Your drafts (only you and your co-authors can see them)
              </h3>
              <ul className="mt-2 space-y-1">
                {drafts.map((draft) => (
                  <li key={draft.id}>
                    <Link
                      to={`/groups/${group.slug}/proposals/${draft.id}`}
                      className="text-brand-700 underline"
                    >
                      {draft.title}
                    </Link>{' '}
                    <span className="text-sm text-stone-700">
                      saved {timeAgo(draft.updated_at, now)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <NewProposalsNotice groupId={group.id} shownTotal={total} />
          <ListingControls slug={group.slug} sort={sort} status={status} />
          {proposals.length ? (
            <>
              <p className="mt-4 text-sm text-stone-700" aria-live="polite">
                {total === 1 ? '1 proposal' : `${total} proposals`}, by{' '}
                {proposalSorts[sort].label.toLowerCase()}
                {pages > 1 ? ` · page ${page} of ${pages}` : ''}
              </p>
              <ul className="mt-2 space-y-4">
                {proposals.map((proposal) => (
                  <li key={proposal.id}>
                    <ProposalCard
                      proposal={proposal}
                      groupSlug={group.slug}
                      now={now}
                      extra={
                        <p className="mt-2 text-sm text-stone-700">
                          {proposal.support_count} support · {proposal.oppose_count} oppose ·{' '}
                          {proposal.comment_count}{' '}
                          {proposal.comment_count === 1 ? 'comment' : 'comments'}
                        </p>
                      }
                    />
                  </li>
                ))}
              </ul>
              <ListingPager
                slug={group.slug}
                sort={sort}
                status={status}
                page={page}
                pages={pages}
              />
            </>
          ) : (
            <p className="mt-4 text-stone-700">
              {status === 'all'
                ? `No proposals yet. ${canPropose ? 'Be the first to write one.' : 'Join the group to write the first.'}`
                : 'No proposals with this status.'}
            </p>
          )}
        </section>
      </div>
      <aside className="space-y-6">
        {group.facilitator_note ? (
          <section
            aria-labelledby="note-heading"
            className="rounded-xl border border-amber-300 bg-amber-50 p-5"
          >
            <h2 id="note-heading" className="text-lg font-bold">
              From the facilitators
            </h2>
            <PlainText text={group.facilitator_note} className="mt-2 text-stone-900" />
            {group.facilitator_note_updated_at ? (
              <p className="mt-2 text-sm text-stone-700">
                Updated {timeAgo(group.facilitator_note_updated_at, now)}
              </p>
            ) : null}
          </section>
        ) : null}
        <section
          aria-labelledby="about-heading"
          className="rounded-xl border border-stone-300 bg-white p-5"
        >
          <h2 id="about-heading" className="text-lg font-bold">
            About this group
          </h2>
          <PlainText text={group.description || group.summary} className="mt-2 text-stone-800" />
        </section>
        <section
          aria-labelledby="people-heading"
          className="rounded-xl border border-stone-300 bg-white p-5"
        >
          <h2 id="people-heading" className="text-lg font-bold">
            People
          </h2>
          <p className="mt-1 text-stone-700">
            {group.member_count === 1 ? '1 member' : `${group.member_count} members`}
          </p>
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
