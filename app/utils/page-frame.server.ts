// What every page needs, read once per request in one call (public.page_frame): the
// campaign's name and words, the group a /groups/<slug>/… address names, and the signed-in
// member's standing (name, unread count, site roles, memberships, followed groups), or null
// when no one is signed in or their session has ended.
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

// The group slug of each request's address, by the request's client (request-context sets it).
const addressedGroups = new WeakMap<Supabase, string>()

/** Has the frame of this client's request bring the group its address names, if any. */
export function frameGroupOfAddress(supabase: Supabase, url: string) {
  const slug = /^\/groups\/([a-z0-9-]+)(\/|$)/.exec(new URL(url).pathname)?.[1]
  if (slug) addressedGroups.set(supabase, slug)
}

/** Whether the frame brings this group (so its own read can be skipped). */
export function frameBringsGroup(supabase: Supabase, slug: string) {
  return addressedGroups.get(supabase) === slug
}

export function getPageFrame(supabase: Supabase) {
  return memoFor(supabase, 'page-frame', async () => {
    const groupSlug = addressedGroups.get(supabase)
    const { data, error } = await supabase.rpc(
      'page_frame',
      groupSlug
        ? { unread_up_to: unreadShownUpTo + 1, group_slug: groupSlug }
        : { unread_up_to: unreadShownUpTo + 1 },
      { get: true },
    )
    if (error) throw error
    const frame = data as { campaign: Campaign | null; group: unknown; viewer: Standing | null }
    return { campaign: frame.campaign ?? noCampaign, group: frame.group, viewer: frame.viewer }
  })
}
