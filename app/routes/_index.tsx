import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { HorizonBadge } from '~/components/horizon-badge'
import { getCampaign, listCommitments } from '~/models/campaign.server'
import { listActiveGroups } from '~/models/group.server'
import { createSupabaseServerClient } from '~/utils/supabase.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.campaign.name} · Policy Forum` : 'Policy Forum' },
  { name: 'description', content: data?.campaign.intro.slice(0, 160) ?? '' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const { supabase, headers } = createSupabaseServerClient(request)
  const [campaign, commitments, groups] = await Promise.all([
    getCampaign(supabase),
    listCommitments(supabase),
    listActiveGroups(supabase),
  ])
  return json({ campaign, commitments, groups }, { headers })
}

export default function Home() {
  const { campaign, commitments, groups } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-14">
      <section
        aria-labelledby="campaign-heading"
        className="rounded-2xl bg-brand-800 px-6 py-10 text-white sm:px-10"
      >
        <p className="text-sm font-semibold uppercase tracking-wider text-brand-100">
          {campaign.region_name}
        </p>
        <h1 id="campaign-heading" className="mt-2 text-4xl font-bold sm:text-5xl">
          {campaign.slogan || campaign.name}
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-brand-50">{campaign.intro}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            to="/groups"
            className="rounded-md bg-white px-5 py-3 font-semibold text-brand-800 hover:bg-brand-50"
          >
            Find a policy group
          </Link>
          <Link
            to="/signup"
            className="rounded-md border border-white px-5 py-3 font-semibold hover:bg-brand-700"
          >
            Join the forum
          </Link>
        </div>
      </section>

      {commitments.length ? (
        <section aria-labelledby="commitments-heading">
          <h2 id="commitments-heading" className="text-2xl font-bold">
            Our commitments
          </h2>
          <ol className="mt-4 grid gap-4 sm:grid-cols-2">
            {commitments.map((commitment, index) => (
              <li key={commitment.id} className="rounded-xl border border-stone-300 bg-white p-5">
                <p className="text-sm font-semibold text-stone-600">Commitment {index + 1}</p>
                <h3 className="mt-1 text-lg font-bold">{commitment.title}</h3>
                <p className="mt-2 text-stone-700">{commitment.body}</p>
                {commitment.group ? (
                  <Link
                    to={`/groups/${commitment.group.slug}`}
                    className="mt-3 inline-block font-semibold text-brand-700 underline"
                  >
                    Shape it in the {commitment.group.name} group
                  </Link>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading" className="text-2xl font-bold">
          Policy groups
        </h2>
        <p className="mt-1 text-stone-700">
          Each group works on one part of the programme. Join one and put your ideas forward.
        </p>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map((group) => (
            <li
              key={group.id}
              className="flex flex-col rounded-xl border border-stone-300 bg-white p-5"
            >
              <HorizonBadge horizon={group.horizon} />
              <h3 className="mt-2 text-lg font-bold">
                <Link to={`/groups/${group.slug}`} className="hover:underline">
                  {group.name}
                </Link>
              </h3>
              <p className="mt-2 flex-1 text-stone-700">{group.summary}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
