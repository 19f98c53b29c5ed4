// Consent to the privacy notice: recorded by Postgres from the sign-up, only for the current
// notice; read by the member alone; written, changed or removed by nobody through the API.
import { describe, expect, it } from 'vitest'
import { PRIVACY_NOTICE_VERSION } from '../../app/utils/privacy-notice'
import { anonClient } from '../support/clients'
import { expectOk, expectRefused } from '../support/expect'
import { createMember, testPassword, uniqueEmail } from '../support/members'
import { sql } from '../support/sql'

async function signUp(privacyNotice?: string) {
  const email = uniqueEmail('consent-db')
  const { data, error } = await anonClient().auth.signUp({
    email,
    password: testPassword,
    options: {
      data: { display_name: 'Consenting Adult', region: 'halton', privacy_notice: privacyNotice },
    },
  })
  expect(error).toBeNull()
  return data.user!.id
}

async function consentRows(userId: string) {
  const { rows } = await sql().query(
    'select notice_version from public.privacy_consents where user_id = $1',
    [userId],
  )
  return rows
}

describe('privacy consents', () => {
  it('are recorded from a sign-up that agreed to the current notice', async () => {
    const id = await signUp(PRIVACY_NOTICE_VERSION)
    expect(await consentRows(id)).toEqual([{ notice_version: PRIVACY_NOTICE_VERSION }])
  })

  it.each([undefined, '2020-01-01', 'yes'])('are not recorded for %j', async (notice) => {
    expect(await consentRows(await signUp(notice))).toEqual([])
  })

  it('are read by the member alone, and written by nobody', async () => {
    const [owner, other] = await Promise.all([createMember(), createMember()])
    await sql().query(
      `insert into public.privacy_consents (user_id, notice_version) values ($1, $2)`,
      [owner.id, PRIVACY_NOTICE_VERSION],
    )
    expect(expectOk(await owner.client.from('privacy_consents').select('notice_version'))).toEqual([
      { notice_version: PRIVACY_NOTICE_VERSION },
    ])
    expect(
      expectOk(
        await other.client.from('privacy_consents').select('user_id').eq('user_id', owner.id),
      ),
    ).toEqual([])
    expectRefused(await anonClient().from('privacy_consents').select('user_id'))
    expectRefused(
      await other.client
        .from('privacy_consents')
        .insert({ user_id: other.id, notice_version: PRIVACY_NOTICE_VERSION }),
    )
    expectRefused(
      await owner.client
        .from('privacy_consents')
        .update({ notice_version: '2030-01-01' })
        .eq('user_id', owner.id),
    )
    expectRefused(await owner.client.from('privacy_consents').delete().eq('user_id', owner.id))
    expect(await consentRows(owner.id)).toEqual([{ notice_version: PRIVACY_NOTICE_VERSION }])
  })

  it('keep the notice’s version well-formed, even for the database owner', async () => {
    const member = await createMember()
    await expect(
      sql().query(
        `insert into public.privacy_consents (user_id, notice_version) values ($1, 'soon')`,
        [member.id],
      ),
    ).rejects.toThrow(/privacy_consents_notice_version_check/)
  })
})
