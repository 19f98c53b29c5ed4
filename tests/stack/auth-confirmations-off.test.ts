// Sign-up with enable_confirmations = false (a project that turned confirmations off): the new
// member gets a session at once, and a taken address is refused by name, as GoTrue does.
import { AuthApiError } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testPassword, uniqueEmail } from '../support/members'
import { clientOf, outboxOf, startOwnStack, type OwnStack } from '../support/own-stack'

let stack: OwnStack
beforeAll(async () => {
  stack = await startOwnStack({ enableConfirmations: false })
})
afterAll(() => stack?.remove())

describe('sign-up with confirmations off', () => {
  it('says so in the settings that supabase-js reads', async () => {
    const response = await fetch(`${stack.apiUrl}/auth/v1/settings`, {
      headers: { apikey: stack.anonKey },
    })
    expect(((await response.json()) as { mailer_autoconfirm: boolean }).mailer_autoconfirm).toBe(
      true,
    )
  })

  it('creates a confirmed user and returns a session that works against PostgREST', async () => {
    const email = uniqueEmail('no-confirm')
    const client = clientOf(stack)
    const { data, error } = await client.auth.signUp({
      email,
      password: testPassword,
      options: { data: { display_name: 'Aisha Khan', region: 'knowsley' } },
    })
    expect(error).toBeNull()
    expect(data.user?.email_confirmed_at).toBeTruthy()
    expect(data.session?.access_token).toBeTruthy()
    expect(data.session?.user.id).toBe(data.user?.id)
    const { data: profile } = await client
      .from('profiles')
      .select('display_name')
      .eq('id', data.user!.id)
      .single()
    expect(profile?.display_name).toBe('Aisha Khan')
    expect(await outboxOf(stack, email)).toEqual([])
    const signIn = await clientOf(stack).auth.signInWithPassword({ email, password: testPassword })
    expect(signIn.error).toBeNull()
  })

  it('refuses an e-mail that is already registered with user_already_exists', async () => {
    const email = uniqueEmail('no-confirm-twice')
    expect((await clientOf(stack).auth.signUp({ email, password: testPassword })).error).toBeNull()
    const { error } = await clientOf(stack).auth.signUp({ email, password: testPassword })
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error?.status).toBe(422)
    expect(error?.code).toBe('user_already_exists')
  })
})
