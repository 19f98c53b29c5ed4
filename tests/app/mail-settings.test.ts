// Mail settings and the unsubscribe link, through the request handler as a browser without
// JavaScript (and a mail client's one-click POST) would use them.
import { describe, expect, it } from 'vitest'
import { signedIn, Visitor } from '../support/app'
import { addMembership, createGroup } from '../support/groups'
import { createMember } from '../support/members'
import { pageText, readPage } from '../support/page'
import { sql } from '../support/sql'

const defaults = {
  intent: 'preferences',
  replies: 'immediately',
  my_proposals: 'daily',
  supported: 'immediately',
  group_activity: 'daily',
  facilitation: 'daily',
  digest_hour: '8',
  digest_weekday: '1',
  time_zone: 'Europe/London',
}

async function preferencesOf(id: string) {
  const { rows } = await sql().query('select * from public.mail_preferences where user_id = $1', [
    id,
  ])
  return rows[0]
}

async function tokenFor(memberId: string, topic: string, expires = "now() + interval '1 day'") {
  const { rows } = await sql().query<{ token: string }>(
    `select private.unsubscribe_token($1, $2, ${expires}) as token`,
    [memberId, topic],
  )
  return rows[0].token
}

describe('mail settings', () => {
  it('shows the member’s choices and saves new ones', async () => {
    const member = await createMember()
    const visitor = await signedIn(member)
    const page = await readPage(await visitor.get('/settings/mail'))
    expect(page.headings(1)).toEqual(['Mail settings'])
    const checked = page.fields().filter((f) => f.checked)
    expect(checked.map((f) => [f.name, f.value])).toEqual([
      ['replies', 'immediately'],
      ['my_proposals', 'daily'],
      ['supported', 'immediately'],
      ['group_activity', 'daily'],
      ['facilitation', 'daily'],
    ])
    expect(page.field('Time zone').value).toBe('Europe/London')
    const saved = await visitor.post('/settings/mail', {
      ...defaults,
      group_activity: 'weekly',
      digest_weekday: '5',
      digest_hour: '18',
    })
    expect(saved.status).toBe(302)
    expect(await pageText(await visitor.get('/settings/mail'))).toContain(
      'Your mail settings have been saved.',
    )
    expect(await preferencesOf(member.id)).toMatchObject({
      group_activity: 'weekly',
      digest_weekday: 5,
      digest_hour: 18,
    })
  })

  it('refuses bad input with a sentence, keeping the rest as it was', async () => {
    const member = await createMember()
    const visitor = await signedIn(member)
    const badZone = await visitor.post('/settings/mail', {
      ...defaults,
      replies: 'off',
      time_zone: 'Mars/Olympus',
    })
    expect(badZone.status).toBe(400)
    const page = await readPage(badZone)
    expect(page.field('Time zone').description).toContain('Choose a time zone from the list.')
    const badChoice = await visitor.post('/settings/mail', { ...defaults, replies: 'hourly' })
    expect(badChoice.status).toBe(400)
    expect(await pageText(badChoice)).toContain('Choose how you want this mail.')
    const unknown = await visitor.post('/settings/mail', {
      ...defaults,
      intent: 'Preferences',
      replies: 'off',
    })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('Unknown action')
    expect((await preferencesOf(member.id)).replies).toBe('immediately')
  })

  it('mutes a group the member is in and follows one they are not in', async () => {
    const member = await createMember()
    const [mine, other] = await Promise.all([createGroup(), createGroup()])
    await addMembership(mine, member)
    const visitor = await signedIn(member)
    expect(
      (await visitor.post('/settings/mail', { intent: 'mute', groupId: mine.id })).status,
    ).toBe(302)
    expect(
      (await visitor.post('/settings/mail', { intent: 'follow', groupId: other.id })).status,
    ).toBe(302)
    const page = await readPage(await visitor.get('/settings/mail'))
    expect(page.buttons().map((b) => b.name)).toEqual(
      expect.arrayContaining([`Follow ${mine.name}`, `Mute ${other.name}`]),
    )
    const unknown = await visitor.post('/settings/mail', { intent: 'follow', groupId: 'nope' })
    expect(unknown.status).toBe(400)
  })

  it('asks a visitor to sign in', async () => {
    const response = await new Visitor().get('/settings/mail')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toMatch(/^\/signin\?redirectTo=%2Fsettings%2Fmail/)
  })
})

describe('the unsubscribe link', () => {
  it('one POST from a mail client turns that kind off, without signing in', async () => {
    const member = await createMember()
    const token = await tokenFor(member.id, 'supported')
    const response = await new Visitor().request(
      `/unsubscribe?token=${encodeURIComponent(token)}`,
      {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
    )
    expect(response.status).toBe(200)
    expect((await preferencesOf(member.id)).supported).toBe('off')
  })

  it('its page offers the other choices, and they work without signing in', async () => {
    const member = await createMember()
    const token = await tokenFor(member.id, 'group_activity')
    const visitor = new Visitor()
    const page = await readPage(await visitor.get(`/unsubscribe?token=${token}`))
    expect(page.headings(1)).toEqual(['Stop e-mails for “New proposals in my groups”?'])
    expect(page.buttons().map((b) => b.name)).toEqual(['Turn them off', 'Save this choice'])
    const done = await visitor.post('/unsubscribe', { token, choice: 'weekly' })
    expect(done.status).toBe(200)
    expect(await pageText(done)).toContain(
      'E-mails for “New proposals in my groups” now come: in a weekly digest.',
    )
    expect((await preferencesOf(member.id)).group_activity).toBe('weekly')
  })

  it('refuses a tampered or expired token, and changes nothing', async () => {
    const member = await createMember()
    const token = await tokenFor(member.id, 'replies')
    const tampered = token.replace('.replies.', '.supported.')
    const page = await visitorPage(`/unsubscribe?token=${tampered}`)
    expect(page.status).toBe(400)
    expect(await pageText(page)).toContain('This unsubscribe link is not valid.')
    const post = await new Visitor().request(`/unsubscribe?token=${tampered}`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(post.status).toBe(400)
    const expired = await tokenFor(member.id, 'replies', "now() - interval '1 minute'")
    const late = await new Visitor().post('/unsubscribe', { token: expired, choice: 'off' })
    expect(late.status).toBe(400)
    expect(await pageText(late)).toContain('This unsubscribe link has expired.')
    expect(await preferencesOf(member.id)).toMatchObject({
      replies: 'immediately',
      supported: 'immediately',
    })
  })
})

function visitorPage(path: string) {
  return new Visitor().get(path)
}
