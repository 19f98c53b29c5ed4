// Everything the candidate's review page shows for one address: the filters' choices and one
// ranked page of proposals, each with its group, support by borough and answer.
import { listAnswerDrafts } from './answer-draft.server'
import { listCandidateAnswers } from './candidate-answer.server'
import { listForwardings } from './forwarding.server'
import { listRegions } from './region.server'
import { listRegionTallies, listReviewGroups, listReviewPage } from './review.server'
import { withheldTally } from '~/utils/borough-tally'
import { reviewTabs, type ReviewParams } from '~/utils/review-listing'
import type { Supabase } from '~/utils/supabase.server'

export async function loadReviewPage(supabase: Supabase, params: ReviewParams) {
  const [groups, regions] = await Promise.all([listReviewGroups(supabase), listRegions(supabase)])
  const group = params.group ? (groups.find((g) => g.slug === params.group) ?? null) : null
  const borough = regions.find((r) => r.slug === params.borough && r.is_borough) ?? null
  // Group and horizon filters become a list of group ids: the groups are few and already here.
  const matching = groups.filter(
    (g) => (!group || g.id === group.id) && (!params.horizon || g.horizon === params.horizon),
  )
  const { proposals, total } = await listReviewPage(supabase, {
    statuses: reviewTabs[params.tab].statuses,
    sort: params.sort,
    groupIds: group || params.horizon ? matching.map((g) => g.id) : null,
    borough: borough?.slug ?? null,
    page: params.page,
  })
  const ids = proposals.map((p) => p.id)
  // Drafts and cover notes are the candidate's to read (RLS): empty maps for an admin.
  const [tallies, answers, drafts, forwardings] = await Promise.all([
    listRegionTallies(supabase, ids),
    listCandidateAnswers(supabase, ids),
    listAnswerDrafts(supabase, ids),
    listForwardings(supabase, ids),
  ])
  const groupsById = new Map(groups.map((g) => [g.id, g]))
  return {
    // What was actually applied: unknown values are dropped, so the form shows the truth.
    filters: { ...params, group: group?.slug ?? null, borough: borough?.slug ?? null },
    groups: groups.map((g) => ({ slug: g.slug, name: g.name, horizon: g.horizon })),
    boroughs: regions.filter((r) => r.is_borough).map((r) => ({ slug: r.slug, name: r.name })),
    total,
    proposals: proposals.map((p) => {
      const proposalGroup = groupsById.get(p.group_id)
      const regionTallies = tallies.get(p.id)
      return {
        id: p.id,
        title: p.title,
        summary: p.summary,
        status: p.status,
        support: p.support_count,
        oppose: p.oppose_count,
        comments: p.comment_count,
        acceptedAmendments: p.amendments_accepted,
        group: {
          slug: proposalGroup?.slug ?? '',
          name: proposalGroup?.name ?? 'Unknown group',
          horizon: proposalGroup?.horizon ?? null,
        },
        regions: regions.map((r) => ({
          slug: r.slug,
          name: r.name,
          isBorough: r.is_borough,
          ...(regionTallies?.get(r.slug) ?? withheldTally),
        })),
        answer: answers.get(p.id) ?? null,
        draft: drafts.get(p.id) ?? null,
        forwarding: forwardings.get(p.id) ?? null,
      }
    }),
  }
}

export type ReviewPageData = Awaited<ReturnType<typeof loadReviewPage>>
export type ReviewEntryData = ReviewPageData['proposals'][number]
