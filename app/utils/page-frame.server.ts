// What every page needs, read once per request in one call (public.page_frame): the
// campaign's name and words, the group a /groups/<slug>/… address names, and the signed-in
// member's standing (name, unread count, site roles, memberships, followed groups), or null
// when no one is signed in or their session has ended.
import type { Enums } from '~/types/database'
import { memoFor } from './request-memo.server'
import type { Supabase } from './supabase.server'
import { unreadShownUpTo } from './unread'
import { uuidPattern } from './uuid'

export type Campaign = { name: string; slogan: string; intro: string; region_name: string }

/** What signed-in pages need of the member. */
export type Standing = {
  id: string
  display_name: string | null
  /** Unread notifications, counted up to unreadShownUpTo + 1. */
  unread: number
  site_roles: Array<Enums<'site_role'>>
  memberships: Array<{
    group_id: string
    role: Enums<'group_role'>
    status: Enums<'membership_status'>
    /** Whether visiting the group should move its seen_at (private.group_seen_is_due). */
    seen_due: boolean
  }>
  followed_groups: string[]
}

const noCampaign: Campaign = { name: 'Policy Forum', slogan: '', intro: '', region_name: '' }

// What each request's address names, by the request's client (request-context sets it).
const addressed = new WeakMap<Supabase, { groupSlug: string; proposalId: string | null }>()

/** Has the frame of this client's request bring the group its address names and, on a
 * proposal's pages, the viewer's state on that proposal. */
export function frameWhatTheAddressNames(supabase: Supabase, url: string) {
  const [, groups, groupSlug, proposals, proposalId] = new URL(url).pathname.split('/')
  if (groups !== 'groups' || !/^[a-z0-9-]+$/.test(groupSlug ?? '')) return
  addressed.set(supabase, {
    groupSlug,
    proposalId: proposals === 'proposals' && uuidPattern.test(proposalId ?? '') ? proposalId : null,
  })
}

/** Whether the frame brings this group (so its own read can be skipped). */
export function frameBringsGroup(supabase: Supabase, slug: string) {
  return addressed.get(supabase)?.groupSlug === slug
}

/** Whether the frame brings the viewer's state on this proposal (my_proposal_state's answer,
 * with the borough table), so that call can be skipped. */
export function frameBringsProposalState(supabase: Supabase, id: string) {
  return addressed.get(supabase)?.proposalId?.toLowerCase() === id.toLowerCase()
}

export function getPageFrame(supabase: Supabase) {
  return memoFor(supabase, 'page-frame', async () => {
    const address = addressed.get(supabase)
    const unread = { unread_up_to: unreadShownUpTo + 1 }
    const { data, error } = address?.proposalId
      ? await supabase.rpc(
          'page_frame_of_proposal',
          { ...unread, group_slug: address.groupSlug, proposal_id: address.proposalId },
          { get: true },
        )
      : await supabase.rpc(
          'page_frame',
          address ? { ...unread, group_slug: address.groupSlug } : unread,
          { get: true },
        )
    if (error) throw error
    const frame = data as {
      campaign: Campaign | null
      group: unknown
      viewer: Standing | null
      proposal_state?: unknown
    }
    return {
      campaign: frame.campaign ?? noCampaign,
      group: frame.group,
      viewer: frame.viewer,
      proposalState: frame.proposal_state ?? null,
    }
  })
}
