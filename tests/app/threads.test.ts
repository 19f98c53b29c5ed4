// Long threads come a page at a time (issue 12): 20 top-level comments, then "Show more
// comments" as a plain link (no JavaScript), keeping the stance filter and order; a link to
// one comment (a notification's) shows the page holding it.
import { describe, expect, it } from 'vitest'
import { Visitor } from '../support/app'
import { readPage, type Page } from '../support/page'
import { addMembership, createGroup } from '../support/groups'
import { createMember, testPassword } from '../support/members'
import { createProposal } from '../support/proposals'
import { sql } from '../support/sql'

async function arrangeThread(count: number) {
  const group = await createGroup()
  const author = await createMember({ displayName: 'Thread Author' })
  await addMembership(group, author)
  const proposal = await createProposal(author, group, { publish: true })
  const ids: string[] = []
  // Comment n was written n minutes after the first; every third is "for", the rest "against".
  for (let n = 1; n <= count; n++) {
    const { rows } = await sql().query<{ id: string }>(
      `insert into public.comments (proposal_id, author_id, body, stance, created_at)
       values ($1, $2, $3, $4, now() - interval '1 day' + make_interval(mins => $5::int))
       returning id`,
      [proposal.id, author.id, `Numbered comment ${n}.`, n % 3 === 0 ? 'for' : 'against', n],
    )
    ids.push(rows[0]!.id)
  }
  return { group, author, proposal, ids, page: `/groups/${group.slug}/proposals/${proposal.id}` }
}

const numbers = (seen: Page) =>
  [...seen.text.matchAll(/Numbered comment (\d+)\./g)].map((match) => Number(match[1]))
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)
const follow = (href: string) => new Visitor().get(href.replace(/#.*$/, ''))

describe('a long thread', () => {
  it('shows 20 comments at a time, "Show more comments" gives the next 20 and then the rest', async () => {
    const { page, proposal, author, ids } = await arrangeThread(45)
    // A reply to comment 25, written last: it comes with the page its comment is on.
    await sql().query(
      `insert into public.comments (proposal_id, author_id, body, parent_id)
       values ($1, $2, 'A reply to twenty-five.', $3)`,
      [proposal.id, author.id, ids[24]],
    )
    const first = await readPage(await new Visitor().get(page))
    expect(first.text).toContain('Discussion (46)')
    expect(numbers(first)).toEqual(range(1, 20))
    expect(first.text).not.toContain('A reply to twenty-five.')
    expect(first.links().map((l) => l.name)).not.toContain('Show the discussion from the start')

    const second = await readPage(await follow(first.link('Show more comments').href))
    expect(numbers(second)).toEqual(range(21, 40))
    expect(second.text).toContain('Discussion (46)')
    // The reply sits in the list under comment 25, before comment 26.
    const twentyFive = second.text.indexOf('Numbered comment 25.')
    const reply = second.text.indexOf('A reply to twenty-five.')
    expect(reply).toBeGreaterThan(twentyFive)
    expect(reply).toBeLessThan(second.text.indexOf('Numbered comment 26.'))
    expect(second.link('Show the discussion from the start').href).toBe(
      `${page}#discussion-heading`,
    )

    const third = await readPage(await follow(second.link('Show more comments').href))
    expect(numbers(third)).toEqual(range(41, 45))
    expect(third.links().map((l) => l.name)).not.toContain('Show more comments')
  })

  it('keeps the stance filter and the order from page to page', async () => {
    const { page } = await arrangeThread(45)
    // 45 comments, every third "for": 15 of them, newest first.
    const forNewest = range(1, 15)
      .map((n) => n * 3)
      .reverse()
    const first = await readPage(await new Visitor().get(`${page}?stance=for&sort=newest`))
    expect(numbers(first)).toEqual(forNewest)
    expect(first.links().map((l) => l.name)).not.toContain('Show more comments')

    const against = await readPage(await new Visitor().get(`${page}?stance=against`))
    const allAgainst = range(1, 45).filter((n) => n % 3 !== 0)
    expect(numbers(against)).toEqual(allAgainst.slice(0, 20))
    const more = against.link('Show more comments').href
    expect(more).toContain('stance=against')
    const next = await readPage(await follow(more))
    expect(numbers(next)).toEqual(allAgainst.slice(20))

    const newest = await readPage(await new Visitor().get(`${page}?sort=newest`))
    expect(numbers(newest)).toEqual(range(26, 45).reverse())
    const older = await readPage(await follow(newest.link('Show more comments').href))
    expect(numbers(older)).toEqual(range(6, 25).reverse())
  })

  it('a notification about a reply to comment 30 opens a page that shows it', async () => {
    const { page, ids, proposal, group, author } = await arrangeThread(45)
    const replier = await createMember({ displayName: 'Rita Replier' })
    await addMembership(group, replier)
    const { rows } = await sql().query<{ id: string }>(
      `insert into public.comments (proposal_id, author_id, body, parent_id)
       values ($1, $2, 'Deep in the thread of thirty.', $3) returning id`,
      [proposal.id, replier.id, ids[29]],
    )
    const reply = rows[0]!.id
    const visitor = new Visitor()
    await visitor.post('/signin', { email: author.email, password: testPassword })
    const html = await (await visitor.get('/notifications')).text()
    const field = (name: string) =>
      html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1]?.replaceAll('&amp;', '&')
    // It links to the reply, which sits under comment 30, on the second page.
    expect(field('href')).toBe(`${page}?comment=${reply}#comment-${reply}`)
    const opened = await visitor.post('/notifications', {
      intent: 'open',
      id: field('id')!,
      href: field('href')!,
    })
    expect(opened.status).toBe(302)
    const seen = await readPage(
      await visitor.get(opened.headers.get('location')!.replace(/#.*$/, '')),
    )
    expect(numbers(seen)).toEqual(range(30, 45))
    expect(seen.text).toContain('Deep in the thread of thirty.')
    expect(seen.text).toContain('Rita Replier')
    expect(seen.link('Show the discussion from the start').href).toBe(`${page}#discussion-heading`)

    // A link to a comment on the first page shows the first page, as it is.
    const early = await readPage(await new Visitor().get(`${page}?comment=${ids[4]}`))
    expect(numbers(early)).toEqual(range(1, 20))
    expect(early.links().map((l) => l.name)).not.toContain('Show the discussion from the start')
    // A cursor that is not one is ignored: the thread starts at the top.
    const odd = await readPage(await new Visitor().get(`${page}?after=x"),id.gt.0`))
    expect(odd.status).toBe(200)
    expect(numbers(odd)).toEqual(range(1, 20))
  })

  it('brings at most 200 replies with a page, and "Show all replies" shows a whole thread', async () => {
    const { page, proposal, author, ids } = await arrangeThread(3)
    await sql().query(
      `insert into public.comments (proposal_id, author_id, body, parent_id, created_at)
       select $1, $2, 'Reply number ' || n || '.', $3, now() - interval '1 hour' + make_interval(secs => n)
       from generate_series(1, 205) n`,
      [proposal.id, author.id, ids[0]],
    )
    const replies = (seen: Page) =>
      [...seen.text.matchAll(/Reply number (\d+)\./g)].map((match) => Number(match[1]))
    const first = await readPage(await new Visitor().get(page))
    expect(numbers(first)).toEqual([1, 2, 3])
    expect(replies(first)).toEqual(range(1, 200))
    // Which threads lost replies is not known: every thread of the page offers all of its own.
    const all = first.links().filter((l) => l.name === 'Show all replies to Thread Author')
    expect(all.map((l) => l.href)).toEqual(ids.map((id) => `${page}?thread=${id}#comment-${id}`))
    const thread = await readPage(await follow(all[0]!.href))
    expect(numbers(thread)).toEqual([1])
    expect(replies(thread)).toEqual(range(1, 205))
    expect(thread.links().map((l) => l.name)).not.toContain('Show all replies to Thread Author')
    // After the thread, the discussion goes on.
    const rest = await readPage(await follow(thread.link('Show more comments').href))
    expect(numbers(rest)).toEqual([2, 3])
  })
})
