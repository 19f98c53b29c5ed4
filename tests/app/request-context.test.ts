// One request, one session: when an action finds the member's access token expired and
// refreshes it, the page rendered after it in the same request (its loaders) reads the new
// session instead of refreshing again with a refresh token already spent.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { signedIn } from '../support/app'
import { pageText } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'

const sessionCookies = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split('=')[0])
    .filter((name) => /^sb-.+-auth-token(\.\d+)?$/.test(name))

afterEach(() => {
  vi.restoreAllMocks()
})

/** Counts the app's calls to Auth that `matches` picks, passing every call through. */
function countAuthCalls(matches: (url: string) => boolean) {
  const calls: string[] = []
  const realFetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    if (url.includes('/auth/v1/') && matches(url)) calls.push(url)
    return realFetch(input, init)
  })
  return calls
}
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

  it('asks Auth who the member is once for all the loaders of a page', async () => {
    const member = await createMember({ displayName: 'Una Once' })
    const group = await createGroup()
    await addMembership(group, member)
    const visitor = await signedIn(member)
    const asked = countAuthCalls((url) => /\/auth\/v1\/user(\?|$)/.test(url))
    // The root, the group layout and the group page's loaders all need the member.
    const page = await visitor.get(`/groups/${group.slug}`)
    expect(page.status).toBe(200)
    expect(await pageText(page)).toContain('Leave group')
    expect(asked).toHaveLength(1)
  })
})
