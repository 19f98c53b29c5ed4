// Choosing what a duplicate is merged into: search the group's open and shortlisted
// proposals by their words, see each one's status, authors and support, pick one. The merge
// itself is the console's (it posts there), so it goes through the same rules and steps.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { StatusBadge } from '~/components/status-badge'
import { Button } from '~/components/ui/button'
import { TextField } from '~/components/ui/field'
import { listMergeTargets, listOwnProposalIds } from '~/models/curation.server'
import { getProposal } from '~/models/proposal.server'
import { longDate } from '~/utils/dates'
import { consoleTextLimits } from '~/utils/console-limits'
import { curators, requireGroupRole } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'
import { invariantResponse } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Merge “${data.proposal.title}” · Policy Forum` : 'Policy Forum' },
]

const refusal = 'Only the group’s facilitators and admins can merge its proposals.'
const mergeable = new Set(['open', 'shortlisted'])

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const { supabase, headers } = client
  const context = await requireGroupRole(client, params.slug, curators, refusal)
  const { user } = context
  const proposal = await getProposal(supabase, params.id ?? '').catch(() => null)
  invariantResponse(
    proposal && proposal.group_id === context.group.id,
    'There is no such proposal in this group.',
    { status: 404, headers },
  )
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200)
  const ownIds = await listOwnProposalIds(supabase, user.id)
  const problem = !mergeable.has(proposal.status)
    ? 'Only open and shortlisted proposals can be merged.'
    : ownIds.has(proposal.id)
      ? 'This is your own proposal: another facilitator decides whether to merge it.'
      : null
  const targets = problem
    ? []
    : await listMergeTargets(supabase, {
        groupId: context.group.id,
        groupSlug: context.group.slug,
        proposalId: proposal.id,
        ownIds,
        query,
      })
  return json(
    {
      group: { slug: context.group.slug, name: context.group.name },
      proposal: { id: proposal.id, title: proposal.title, status: proposal.status },
      query,
      problem,
      targets,
    },
    { headers },
  )
}

export default function MergePicker() {
  const { group, proposal, query, problem, targets } = useLoaderData<typeof loader>()
  const consoleHref = `/groups/${group.slug}/console`
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link to={consoleHref} className="text-brand-700 underline">
          Back to the console
        </Link>
      </p>
      <h2 className="text-xl font-bold">Merge “{proposal.title}”</h2>
      {problem ? (
        <p className="rounded-md border border-amber-400 bg-amber-50 p-3">{problem}</p>
      ) : (
        <>
          <p className="text-stone-700">
            Choose the proposal it duplicates. Votes are not moved: its supporters are invited to
            support the other proposal, and it shows where it was merged.
          </p>
          <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
            <TextField
              id="merge-search"
              name="q"
              type="search"
              label="Find the proposal it duplicates"
              hint="Words from its title or text. Without words, the group’s top proposals."
              defaultValue={query}
            />
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </Form>
          {targets.length === 0 ? (
            <p>
              {query
                ? `No open or shortlisted proposal in ${group.name} matches “${query}”.`
                : `${group.name} has no other open or shortlisted proposal to merge into.`}
            </p>
          ) : (
            <Form method="post" action={consoleHref} className="space-y-4">
              <input type="hidden" name="intent" value="merge" />
              <input type="hidden" name="proposalId" value={proposal.id} />
              <fieldset>
                <legend className="font-semibold">
                  {query ? `Proposals matching “${query}”` : 'Top proposals in the group'}
                </legend>
                <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
                  {targets.map((target) => (
                    <li key={target.id} className="flex gap-3 p-3">
                      <input
                        type="radio"
                        name="mergeInto"
                        value={target.id}
                        id={`target-${target.id}`}
                        required
                        className="mt-1.5 size-4"
                      />
                      <label htmlFor={`target-${target.id}`} className="min-w-0">
                        <span className="font-semibold">{target.title}</span>{' '}
                        <span className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-stone-700">
                          <StatusBadge status={target.status} /> by{' '}
                          {target.authors.map((author) => author.displayName).join(', ')} ·{' '}
                          {target.support_count} support
                          {target.published_at
                            ? ` · published ${longDate(target.published_at)}`
                            : ''}
                        </span>
                      </label>
                      <Link
                        to={`/groups/${group.slug}/proposals/${target.id}`}
                        className="ml-auto shrink-0 text-sm text-brand-700 underline"
                      >
                        Read<span className="sr-only"> “{target.title}”</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <TextField
                id="merge-reason"
                name="reason"
                label="Note shown on the merged proposal (optional)"
                maxLength={consoleTextLimits.reason}
              />
              <Button type="submit">Merge…</Button>
            </Form>
          )}
        </>
      )}
    </div>
  )
}
