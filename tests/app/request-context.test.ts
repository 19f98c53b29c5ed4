// One request, one session: when an action finds the member's access token expired and
// refreshes it, the page rendered after it in the same request (its loaders) reads the new
// session instead of refreshing again with a refresh token already spent.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { signedIn } from '../support/app'
import { pageText } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { defaultBody, documentOf } from '../support/proposals'
import { sql } from '../support/sql'

const sessionCookies = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split('=')[0])
    .filter((name) => /^sb-.+-auth-token(\.\d+)?$/.test(name))

afterEach(() => {
  vi.restoreAllMocks()
})

/** Counts the app's calls to Supabase that `matches` picks, passing every call through. */
function countCalls(matches: (url: string) => boolean) {
  const calls: string[] = []
  const realFetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    if (matches(url)) calls.push(url)
    return realFetch(input, init)
  })
  return calls
}
const countAuthCalls = (matches: (url: string) => boolean) =>
  countCalls((url) => url.includes('/auth/v1/') && matches(url))
const refreshes = () => countAuthCalls((url) => url.includes('grant_type=refresh_token'))

describe('the request context', () => {
  it('refreshes an expired session once for an action and the page after it', async () => {
    const member = await createMember({ displayName: 'Rhoda Refresh' })
    const visitor = await signedIn(member)
    visitor.editSession((session) => ({
      ...session,
      expires_at: Math.floor(Date.now() / 1000) - 60,
    }))
    const refreshed = refreshes()
    // A refused action renders the page in the same request: the action, then the loaders.
    const refused = await visitor.post('/settings', {
      intent: 'delete-account',
      confirm: 'not the phrase',
    })
    expect(refused.status).toBe(400)
    expect(await pageText(refused)).toContain('to confirm.')
    const names = sessionCookies(refused)
    expect(names.length).toBeGreaterThan(0)
    // One refresh, not one per client (the action's, then the root's and the page's loaders').
    expect(refreshed).toHaveLength(1)
    expect(new Set(names).size).toBe(names.length)
    // …and the refreshed session works on the next page.
    const next = await visitor.get('/settings')
    expect(next.status).toBe(200)
    expect(await pageText(next)).toContain('Rhoda Refresh')
  })

  it('checks the member’s token itself and reads their standing once for all the loaders of a page', async () => {
    const member = await createMember({ displayName: 'Una Once' })
    const group = await createGroup()
    await addMembership(group, member)
    const visitor = await signedIn(member)
    const askedAuth = countAuthCalls((url) => /\/auth\/v1\/user(\?|$)/.test(url))
    const frames = countCalls((url) => url.includes('/rest/v1/rpc/page_frame'))
    // The root, the group layout and the group page's loaders all need the member.
    const page = await visitor.get(`/groups/${group.slug}`)
    expect(page.status).toBe(200)
    const text = await pageText(page)
    expect(text).toContain('Leave group')
    expect(text).toContain('Una Once')
    expect(askedAuth).toEqual([])
    expect(frames).toHaveLength(1)
  })

  it('reads a member’s group page in three calls, and moves their last visit once per ten minutes', async () => {
    const member = await createMember({ displayName: 'Vera Visits' })
    const group = await createGroup()
    await addMembership(group, member)
    await sql().query(
      `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
       values ($1, $2, 'Night buses on the 14', 'A summary.', $3::jsonb, 'open', now())`,
      [group.id, member.id, JSON.stringify(documentOf(defaultBody))],
    )
    const visitor = await signedIn(member)
    const calls = countCalls((url) => url.includes('/rest/v1/') || url.includes('/auth/v1/'))
    const marks = () => calls.filter((url) => url.includes('/rpc/mark_group_seen'))
    const first = await visitor.get(`/groups/${group.slug}`)
    expect(first.status).toBe(200)
    expect(await pageText(first)).toContain('Night buses on the 14')
    // The frame (with the group), its page of proposals (with the member's drafts), their
    // authors; and the visit.
    expect(marks()).toHaveLength(1)
    expect(calls).toHaveLength(4)
    calls.length = 0
    expect((await visitor.get(`/groups/${group.slug}`)).status).toBe(200)
    expect(marks()).toHaveLength(0)
    expect(calls).toHaveLength(3)
    // Ten minutes on, the visit moves again.
    await sql().query(
      `update public.group_members set seen_at = now() - interval '11 minutes' where user_id = $1`,
      [member.id],
    )
    calls.length = 0
    expect((await visitor.get(`/groups/${group.slug}`)).status).toBe(200)
    expect(marks()).toHaveLength(1)
  })

  it('reads a member’s proposal page in four calls', async () => {
    const member = await createMember({ displayName: 'Petra Pages' })
    const author = await createMember({ displayName: 'Arlo Author' })
    const group = await createGroup()
    await addMembership(group, member)
    await addMembership(group, author)
    const { rows } = await sql().query<{ id: string }>(
      `insert into public.proposals (group_id, author_id, title, summary, body, status, published_at)
       values ($1, $2, 'Late trains to Ormskirk', 'A summary.', $3::jsonb, 'open', now())
       returning id`,
      [group.id, author.id, JSON.stringify(documentOf(defaultBody))],
    )
    const comment = await author.client
      .from('comments')
      .insert({ proposal_id: rows[0].id, body: 'The 23:10 is always full.', stance: 'for' })
      .select('id')
      .single()
    expect(comment.error).toBeNull()
    const reply = await member.client.from('comments').insert({
      proposal_id: rows[0].id,
      parent_id: comment.data!.id,
      body: 'And the 23:40 does not run on Sundays.',
    })
    expect(reply.error).toBeNull()
    const vote = await member.client.from('votes').insert({ proposal_id: rows[0].id, value: 1 })
    expect(vote.error).toBeNull()
    const visitor = await signedIn(member)
    const calls = countCalls((url) => url.includes('/rest/v1/') || url.includes('/auth/v1/'))
    const page = await visitor.get(`/groups/${group.slug}/proposals/${rows[0].id}`)
    expect(page.status).toBe(200)
    const text = await pageText(page)
    expect(text).toContain('Late trains to Ormskirk')
    expect(text).toContain('And the 23:40 does not run on Sundays.')
    expect(text).toContain('you support it')
    // The frame (with the group, and the member's state on the proposal: their standing and
    // the borough table), the proposal and the thread's first page, side by side; then the
    // thread's replies.
    expect(calls).toHaveLength(4)
  })

  it('treats a session ended elsewhere as signed out, though its token has not expired', async () => {
    const member = await createMember({ displayName: 'Enid Ended' })
    const visitor = await signedIn(member)
    expect(await pageText(await visitor.get('/settings'))).toContain('Enid Ended')
    // Signing out everywhere (from another device) ends the visitor's session too.
    await member.client.auth.signOut({ scope: 'global' })
    const page = await visitor.get('/settings')
    expect(page.status).toBe(302)
    expect(page.headers.get('location')).toBe('/signin?redirectTo=%2Fsettings')
    // …and its cookies are cleared.
    const cleared = page.headers
      .getSetCookie()
      .filter((cookie) => /^sb-.+-auth-token(\.\d+)?=/.test(cookie))
    expect(cleared.length).toBeGreaterThan(0)
    expect(cleared.every((cookie) => /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cookie))).toBe(true)
    const home = await (await visitor.get('/')).text()
    expect(home).not.toContain('Enid Ended')
  })
})
