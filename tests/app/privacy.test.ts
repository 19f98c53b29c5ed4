// Sign-up tells a member, plainly, what is public before they join, links to taking their data
// and leaving, and asks for explicit consent, which Postgres records with the notice's version.
import { describe, expect, it } from 'vitest'
import { PRIVACY_NOTICE_VERSION } from '../../app/utils/privacy-notice'
import { Visitor } from '../support/app'
import { testPassword, uniqueEmail } from '../support/members'
import { readPage } from '../support/page'
import { sql } from '../support/sql'

async function consentOf(email: string) {
  const { rows } = await sql().query(
    `select c.notice_version from public.privacy_consents c join auth.users u on u.id = c.user_id
      where u.email = $1`,
    [email],
  )
  return rows
}

describe('the privacy notice at sign-up', () => {
  it('says what is public and links to download my data and delete my account', async () => {
    const page = await readPage(await new Visitor().get('/signup'))
    expect(page.headings(2)).toContain('What is public, and what is not')
    expect(page.text).toContain('your name, shown with every proposal and comment you post')
    expect(page.text).toContain('unless you choose in your settings to keep it off')
    expect(page.text).toContain('Nobody sees how you voted.')
    expect(page.link('download my data').href).toBe('/settings/data')
    expect(page.link('delete my account').href).toBe('/settings#delete-heading')
    const box = page.field(
      /I agree that my name, what I post and \(unless I keep it off\) my borough are shown in public/,
    )
    expect(box.checked).toBe(false)
  })

  it('refuses to sign up without consent, keeping what was typed', async () => {
    const email = uniqueEmail('no-consent')
    const refused = await readPage(
      await new Visitor().post('/signup', {
        email,
        password: testPassword,
        displayName: 'Nora Noconsent',
        region: 'knowsley',
      }),
    )
    expect(refused.status).toBe(400)
    expect(refused.text).toContain(
      'Tick the box to agree: we cannot keep an account without your consent.',
    )
    expect(refused.field(/I agree that my name/).invalid).toBe(true)
    expect(refused.field('Your name').value).toBe('Nora Noconsent')
    const { rowCount } = await sql().query('select 1 from auth.users where email = $1', [email])
    expect(rowCount).toBe(0)
  })

  it('records the consent, with the notice agreed to', async () => {
    const email = uniqueEmail('consent')
    const response = await new Visitor().post('/signup', {
      email,
      password: testPassword,
      displayName: 'Connie Sent',
      region: 'knowsley',
      privacyConsent: 'yes',
    })
    expect(response.status).toBe(200)
    expect(await consentOf(email)).toEqual([{ notice_version: PRIVACY_NOTICE_VERSION }])
  })
})
