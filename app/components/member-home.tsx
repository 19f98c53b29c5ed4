// The front page of a signed-in member: their groups and what is new since their last visit,
// their drafts, invitations waiting for an answer, and the proposals they support that moved.
import { Link } from '@remix-run/react'
import type { MemberHome as MemberHomeData } from '~/models/member-home.server'
import { timeAgo } from '~/utils/dates'
import { StatusBadge } from './status-badge'

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-300 bg-white p-5">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  )
}

function proposalHref(p: { groupSlug: string; id: string }) {
  return `/groups/${p.groupSlug}/proposals/${p.id}`
}

export function MemberHome({
  name,
  home,
  now,
  lead,
}: {
  name: string
  home: MemberHomeData
  now: number
  /** What comes first for this member's role (the candidate's review). When it is there and
   * the member takes no part in any group (as the candidate), it is all the page leads with. */
  lead?: React.ReactNode
}) {
  const { groups, drafts, invitations, moved } = home
  const onlyLead = Boolean(lead) && !groups.length && !drafts.length && !moved.length
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Welcome back, {name}</h1>
        <p className="mt-1 text-stone-700">
          {onlyLead
            ? 'What waits for you, and what you have answered.'
            : 'What is new in your groups and on your proposals.'}
        </p>
      </div>
      {lead}
      {onlyLead ? null : (
        <>
          {invitations.length ? (
            <section
              aria-labelledby="invitations-heading"
              className="rounded-xl border border-amber-300 bg-amber-50 p-5"
            >
              <h2 id="invitations-heading" className="text-xl font-bold">
                Invitations to co-author
              </h2>
              <ul className="mt-3 space-y-2">
                {invitations.map((p) => (
                  <li key={p.id}>
                    <Link to={proposalHref(p)} className="font-semibold text-brand-800 underline">
                      {p.title}
                    </Link>{' '}
                    <span className="text-sm text-stone-700">
                      in {p.groupName}, {timeAgo(p.at, now)}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm">
                <Link to="/notifications" className="font-semibold text-brand-800 underline">
                  Accept or decline in your notifications
                </Link>
              </p>
            </section>
          ) : null}

          <div className="grid gap-6 lg:grid-cols-2">
            <Panel id="my-groups-heading" title="Your groups">
              {groups.length ? (
                <ul className="divide-y divide-stone-200">
                  {groups.map((g) => (
                    <li
                      key={g.id}
                      className="flex flex-wrap items-baseline justify-between gap-2 py-2"
                    >
                      <Link
                        to={`/groups/${g.slug}`}
                        className="font-semibold text-brand-800 underline"
                      >
                        {g.name}
                      </Link>
                      <span className="text-sm text-stone-700">
                        {g.status === 'pending'
                          ? 'Waiting for a facilitator to let you in'
                          : g.newProposals
                            ? `${g.newProposals >= 10 ? '10 or more' : g.newProposals} new ${g.newProposals === 1 ? 'proposal' : 'proposals'} since your last visit`
                            : 'Nothing new since your last visit'}
                      </span>
                      {g.role === 'facilitator' ? (
                        <Link
                          to={`/groups/${g.slug}/console`}
                          className="w-full text-sm font-semibold text-brand-800 underline"
                        >
                          You facilitate: open the {g.name} console
                        </Link>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-stone-700">
                  You have not joined a group yet.{' '}
                  <Link to="/groups" className="font-semibold text-brand-800 underline">
                    Find a policy group
                  </Link>
                </p>
              )}
            </Panel>

            <Panel id="my-drafts-heading" title="Your drafts">
              {drafts.length ? (
                <ul className="divide-y divide-stone-200">
                  {drafts.map((p) => (
                    <li key={p.id} className="py-2">
                      <Link to={proposalHref(p)} className="font-semibold text-brand-800 underline">
                        {p.title}
                      </Link>
                      <span className="block text-sm text-stone-700">
                        {p.groupName} · saved {timeAgo(p.at, now)}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-stone-700">
                  No drafts waiting. Start a proposal from one of your groups’ pages.
                </p>
              )}
            </Panel>
          </div>

          <Panel id="moved-heading" title="Proposals you support or follow that moved">
            {moved.length ? (
              <ul className="divide-y divide-stone-200">
                {moved.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <div className="min-w-0">
                      <Link to={proposalHref(p)} className="font-semibold text-brand-800 underline">
                        {p.title}
                      </Link>
                      <span className="block text-sm text-stone-700">
                        Moved {timeAgo(p.at, now)} · {p.groupName}
                      </span>
                    </div>
                    <StatusBadge status={p.status} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-stone-700">
                Nothing has moved in the last 30 days. You will see here when a proposal you support
                or follow is shortlisted, sent to the candidate or answered.
              </p>
            )}
          </Panel>
        </>
      )}
    </div>
  )
}
