// /groups/<slug>/proposals/<id>/card.png: the picture a shared link to a published proposal
// unfurls with. Only published proposals that are not hidden have one, whoever asks (a
// co-author's cookies do not make a draft's card); it is public and cached like the page.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { statusLabels } from '~/utils/proposal-statuses'
import { getCampaign } from '~/models/campaign.server'
import { regionSupport } from '~/models/discussion.server'
import { loadProposalContext } from '~/models/proposal-context.server'
import { renderProposalCard } from '~/utils/proposal-card.server'
import { getRequestContext } from '~/utils/request-context.server'

export async function loader({ request, params, context: loadContext }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, loadContext)
  const context = await loadProposalContext(supabase, params.slug, params.id, headers)
  const { proposal, group } = context
  if (proposal.status === 'draft' || proposal.hidden_at)
    return new Response('This proposal has no card.', { status: 404, headers })
  const [campaign, regions] = await Promise.all([
    getCampaign(supabase),
    regionSupport(supabase, context.regionTallies),
  ])
  const png = await renderProposalCard({
    campaign: campaign.name,
    group: group.name,
    title: proposal.title,
    status: statusLabels[proposal.status],
    support: proposal.support_count,
    oppose: proposal.oppose_count,
    boroughs: regions
      .filter((r) => r.isBorough)
      .map((r) => ({ name: r.name, support: r.support, fewerThan5: r.fewerThan5 })),
  })
  const out = new Headers(headers)
  out.set('Content-Type', 'image/png')
  out.set('Cache-Control', 'public, max-age=600')
  return new Response(new Uint8Array(png), { status: 200, headers: out })
}
