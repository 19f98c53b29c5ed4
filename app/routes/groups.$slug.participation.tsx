// Participation by borough in one group, for its facilitators and the candidate: members,
// members active this month, proposals, votes and ballot turnout. "Are we listening to all
// six boroughs?" Postgres reads stored tallies and the group's own rows (never every vote),
// and groups boroughs with fewer than 5 members so nobody's activity can be picked out.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { share } from '~/components/ballot/ballot-rounds'
import { listParticipation } from '~/models/participation.server'
import { listRegions } from '~/models/region.server'
import { curators, requireGroupRole } from '~/models/permissions.server'
import { getRequestContext } from '~/utils/request-context.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Participation · ${data.group.name} · Policy Forum` : 'Policy Forum' },
]

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const client = getRequestContext(request, loadContext)
  const context = await requireGroupRole(
    client,
    params.slug,
    [...curators, 'candidate'],
    'Only the group’s facilitators and the candidate see its participation.',
  )
  const [rows, regions] = await Promise.all([
    listParticipation(client.supabase, context.group.id),
    listRegions(client.supabase),
  ])
  return json(
    {
      group: { name: context.group.name },
      rows,
      regionNames: Object.fromEntries(regions.map((r) => [r.slug, r.name])),
    },
    { headers: client.headers },
  )
}

const number = new Intl.NumberFormat('en-GB')
const columns = ['Members', 'Active this month', 'Proposals', 'Votes', 'Ballot turnout'] as const

export default function Participation() {
  const { group, rows, regionNames } = useLoaderData<typeof loader>()
  const total = rows.reduce(
    (sum, r) => ({
      members: sum.members + (r.members ?? 0),
      active: sum.active + (r.activeThisMonth ?? 0),
      proposals: sum.proposals + (r.proposals ?? 0),
      votes: sum.votes + (r.votes ?? 0),
      eligible: sum.eligible + (r.ballotEligible ?? 0),
      voted: sum.voted + (r.ballotVoted ?? 0),
    }),
    { members: 0, active: 0, proposals: 0, votes: 0, eligible: 0, voted: 0 },
  )
  return (
    <section aria-labelledby="participation-heading" className="max-w-4xl">
      <h2 id="participation-heading" className="text-2xl font-bold">
        Participation by borough
      </h2>
      <p className="mt-2 text-stone-700">
        Who takes part in {group.name}, by where members live. Proposals count by their author’s
        borough, votes by the voter’s borough when they voted, ballot turnout over every counted
        ballot. Boroughs with fewer than 5 members are shown together.
      </p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Participation in {group.name} by borough</caption>
          <thead>
            <tr className="text-left text-stone-700">
              <th scope="col" className="py-1 pr-2 font-semibold">
                Borough
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" className="py-1 pr-2 text-right font-semibold">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.region ?? 'together'} className="border-t border-stone-200">
                <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                  {r.region === null
                    ? 'Smaller boroughs and members without one, together'
                    : (regionNames[r.region] ?? r.region)}
                </th>
                {r.members === null ? (
                  <td colSpan={5} className="py-1.5 text-right text-stone-700">
                    {r.fewerThan5
                      ? 'fewer than 5 members: counted with the smaller boroughs'
                      : 'held back to protect smaller boroughs'}
                  </td>
                ) : (
                  <>
                    <td className="py-1.5 pr-2 text-right tabular-nums">
                      {number.format(r.members)}
                    </td>
                    <td className="py-1.5 pr-2 text-right tabular-nums">
                      {number.format(r.activeThisMonth ?? 0)}
                    </td>
                    <td className="py-1.5 pr-2 text-right tabular-nums">
                      {number.format(r.proposals ?? 0)}
                    </td>
                    <td className="py-1.5 pr-2 text-right tabular-nums">
                      {number.format(r.votes ?? 0)}
                    </td>
                    <td className="py-1.5 pr-2 text-right tabular-nums">
                      {r.ballotEligible ? share(r.ballotVoted ?? 0, r.ballotEligible) : '—'}
                    </td>
                  </>
                )}
              </tr>
            ))}
            <tr className="border-t-2 border-stone-400 font-semibold">
              <th scope="row" className="py-1.5 pr-2 text-left">
                The whole group
              </th>
              <td className="py-1.5 pr-2 text-right tabular-nums">
                {number.format(total.members)}
              </td>
              <td className="py-1.5 pr-2 text-right tabular-nums">{number.format(total.active)}</td>
              <td className="py-1.5 pr-2 text-right tabular-nums">
                {number.format(total.proposals)}
              </td>
              <td className="py-1.5 pr-2 text-right tabular-nums">{number.format(total.votes)}</td>
              <td className="py-1.5 pr-2 text-right tabular-nums">
                {total.eligible ? share(total.voted, total.eligible) : '—'}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  )
}
