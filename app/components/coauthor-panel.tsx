// Who writes the proposal; the author invites co-authors from the group's members (a picker
// that tells members of one name apart), withdraws invitations or removes co-authors.
import { Form } from '@remix-run/react'
import type { ProposalAuthor } from '~/models/proposal.server'
import type { FoundMember } from '~/utils/member-finder'
import { MemberPicker } from './member-picker'
import { Button } from './ui/button'

export function CoauthorPanel({
  authors,
  canManage,
  groupId,
  query,
  results,
}: {
  authors: ProposalAuthor[]
  canManage: boolean
  groupId: string
  /** The no-JavaScript search: the page's `q` and what it found. */
  query: string
  results: FoundMember[]
}) {
  return (
    <section
      aria-labelledby="coauthors-heading"
      className="rounded-xl border border-stone-300 bg-white p-5"
    >
      <h3 id="coauthors-heading" className="text-lg font-bold">
        Authors
      </h3>
      {canManage ? (
        <p className="mt-1 text-sm text-stone-700">
          A member you invite becomes a co-author when they accept.
        </p>
      ) : null}
      <ul className="mt-2 divide-y divide-stone-200">
        {authors.map((author) => (
          <li key={author.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
            <span>
              {author.displayName}{' '}
              <span className="text-sm text-stone-700">
                (
                {author.role === 'author'
                  ? 'author'
                  : author.pending
                    ? 'invited, pending'
                    : 'co-author'}
                )
              </span>
            </span>
            {canManage && author.role === 'coauthor' ? (
              <Form method="post">
                <input type="hidden" name="intent" value="remove-coauthor" />
                <input type="hidden" name="userId" value={author.id} />
                <Button type="submit" variant="secondary" className="px-3 py-1 text-sm">
                  {author.pending
                    ? `Withdraw the invitation to ${author.displayName}`
                    : `Remove ${author.displayName}`}
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <div className="mt-4">
          <MemberPicker
            id="coauthor-query"
            label="Invite a co-author from the group"
            hint="Search by name among the group’s members. Without JavaScript, searching reloads this page: save your changes first."
            query={query}
            results={results}
            groupId={groupId}
            exclude={authors.map((author) => author.id)}
            actions={[{ intent: 'add-coauthor', label: (name) => `Invite ${name}` }]}
          />
        </div>
      ) : null}
    </section>
  )
}
