// What every page needs, read once per request in one call (public.page_frame): the
// campaign's name and words, and the signed-in member's standing (name, unread count, site
// roles, memberships, followed groups), or null when no one is signed in or their session has ended.
import type { Enums } from '~/types/database'
import { memoFor } from './request-memo.server'
import type { Supabase } from './supabase.server'
import { unreadShownUpTo } from './unread'

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

export function getPageFrame(supabase: Supabase) {
  return memoFor(supabase, 'page-frame', async () => {
    const { data, error } = await supabase.rpc(
      'page_frame',
      { unread_up_to: unreadShownUpTo + 1 },
      { get: true },
    )
    if (error) throw error
    const frame = data as { campaign: Campaign | null; viewer: Standing | null }
    return { campaign: frame.campaign ?? noCampaign, viewer: frame.viewer }
  })
}
