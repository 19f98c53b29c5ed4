import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PlainText } from '~/components/plain-text'
import { getGroupBySlug, listFacilitators } from '~/models/group.server'
import { createSupabaseServerClient } from '~/utils/supabase.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.group.name} · Policy Forum` : 'Policy Forum' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { supabase, headers } = createSupabaseServerClient(request)
  const group = await getGroupBySlug(supabase, params.slug ?? '')
  if (!group) throw new Response('There is no policy group at this address.', { status: 404, headers })
  const facilitators = (await listFacilitators(supabase, [group.id])).get(group.id) ?? []
  return json({ group, facilitators }, { headers })
}

export default function GroupAbout() {
  const { group, facilitators } = useLoaderData<typeof loader>()
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <section aria-labelledby="about-heading" className="lg:col-span-2">
        <h2 id="about-heading" className="text-xl font-bold">
          About this group
        </h2>
        <PlainText text={group.description || group.summary} className="mt-3 text-stone-800" />
      </section>
      <aside aria-labelledby="people-heading" className="rounded-xl border border-stone-300 bg-white p-5">
        <h2 id="people-heading" className="text-lg font-bold">
          People
        </h2>
        <p className="mt-1 text-stone-700">{group.member_count === 1 ? '1 member' : `${group.member_count} members`}</p>
        <h3 className="mt-4 font-semibold">Facilitators</h3>
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
      </aside>
    </div>
  )
}
