// Who writes the proposal; the author invites co-authors from the group's members, withdraws
// invitations or removes co-authors.
import { Form } from '@remix-run/react'
import type { ProposalAuthor } from '~/models/proposal.server'
import { Button } from './ui/button'
import { SelectField } from './ui/field'

export function CoauthorPanel({
  authors,
  candidates,
  canManage,
}: {
  authors: ProposalAuthor[]
  candidates: Array<{ id: string; displayName: string }>
  canManage: boolean
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
        candidates.length ? (
          <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="add-coauthor" />
            <SelectField
              id="coauthor"
              name="userId"
              label="Invite a co-author from the group"
              className="min-w-60 flex-1"
              required
            >
              <option value="">Choose a member…</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary">
              Send invitation
            </Button>
          </Form>
        ) : (
          <p className="mt-3 text-stone-700">
            Everyone else in the group can be invited once they join it.
          </p>
        )
      ) : null}
    </section>
  )
}
