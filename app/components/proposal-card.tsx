// One proposal in a list: title, summary, authors, status, age.
import { Link } from '@remix-run/react'
import type { ProposalAuthor } from '~/models/proposal.server'
import type { Enums } from '~/types/database'
import { timeAgo } from '~/utils/dates'
import { RoleBadge } from './role-badge'
import { StatusBadge } from './status-badge'

export type ProposalCardData = {
  id: string
  title: string
  summary: string
  status: Enums<'proposal_status'>
  pinned: boolean
  published_at: string | null
  authors: ProposalAuthor[]
}

export function AuthorNames({ authors }: { authors: ProposalAuthor[] }) {
  return (
    <>
      {authors.map((author, index) => (
        <span key={author.id}>
          {index > 0 ? (index === authors.length - 1 ? ' and ' : ', ') : ''}
          <Link to={`/members/${author.id}`} className="underline">
            {author.displayName}
          </Link>
          <RoleBadge badge={author.badge} />
          {author.pending ? ' (invited, pending)' : ''}
        </span>
      ))}
    </>
  )
}

export function ProposalCard({
  proposal,
  groupSlug,
  now,
  extra,
}: {
  proposal: ProposalCardData
  groupSlug: string
  now: number
  extra?: React.ReactNode
}) {
  return (
    <article className="rounded-xl border border-stone-300 bg-white p-5">
      <div className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
        {proposal.pinned ? (
          <span className="rounded-full bg-amber-200 px-2.5 py-0.5 text-xs font-semibold text-amber-950">
            Pinned
          </span>
        ) : null}
        <StatusBadge status={proposal.status} />
        {proposal.published_at ? (
          <span>Published {timeAgo(proposal.published_at, now)}</span>
        ) : null}
      </div>
      <h3 className="mt-2 text-lg font-bold">
        <Link to={`/groups/${groupSlug}/proposals/${proposal.id}`} className="hover:underline">
          {proposal.title}
        </Link>
      </h3>
      {proposal.summary ? <p className="mt-1 text-stone-800">{proposal.summary}</p> : null}
      <p className="mt-2 text-sm text-stone-700">
        By <AuthorNames authors={proposal.authors} />
      </p>
      {extra}
    </article>
  )
}
