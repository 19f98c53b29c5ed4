// The local Auth server, through supabase-js: every call the app makes and the errors
// supabase-js must surface exactly as it would against Supabase.
import { AuthApiError, AuthWeakPasswordError, isAuthError } from '@supabase/supabase-js'
import { SignJWT, generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { anonClient, newClient, serviceClient, stackInfo } from '../support/clients'
import { createMember, signInAs, testPassword, uniqueEmail } from '../support/members'
import { latestMail } from '../support/outbox'

// The run's stack confirms e-mail addresses, as hosted Supabase does by default (config.toml's
// enable_confirmations); tests/stack/auth-confirmations-off.test.ts covers the other setting.
describe('sign-up with confirmations on', () => {
  async function signUpNew(prefix = 'signup') {
    const email = uniqueEmail(prefix)
    const result = await anonClient().auth.signUp({
      email,
      password: testPassword,
      options: { data: { display_name: 'Aisha Khan', region: 'knowsley' } },
    })
    return { email, ...result }
  }

  it('creates an unconfirmed user with metadata, without a session, and mails a link', async () => {
    const { email, data, error } = await signUpNew()
    expect(error).toBeNull()
    expect(data.user?.email).toBe(email)
    expect(data.user?.user_metadata).toMatchObject({
      display_name: 'Aisha Khan',
      region: 'knowsley',
    })
    expect(data.user?.email_confirmed_at).toBeNull()
    expect(data.user?.confirmation_sent_at).toBeTruthy()
    expect(data.session).toBeNull()
    const mail = await latestMail(email)
    expect(mail.subject).toBe('Confirm your Policy Forum account')
    expect(mail.link).toMatch(/\/auth\/confirm\?token_hash=[0-9a-f]{56}&type=email$/)
  })

  it('refuses to sign in before the address is confirmed, with email_not_confirmed', async () => {
    const { email } = await signUpNew()
    const { data, error } = await anonClient().auth.signInWithPassword({
      email,
      password: testPassword,
    })
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error?.status).toBe(400)
    expect(error?.code).toBe('email_not_confirmed')
    expect(data.session).toBeNull()
  })

  it('confirms the address and signs the member in by the link, once', async () => {
    const { email, data: signedUp } = await signUpNew()
    const link = new URL((await latestMail(email)).link!)
    const client = anonClient()
    const { data, error } = await client.auth.verifyOtp({
      token_hash: link.searchParams.get('token_hash')!,
      type: 'email',
    })
    expect(error).toBeNull()
    expect(data.user?.id).toBe(signedUp.user?.id)
    expect(data.user?.email_confirmed_at).toBeTruthy()
    expect(data.session?.access_token).toBeTruthy()
    const { data: profile } = await client
      .from('profiles')
      .select('display_name')
      .eq('id', data.user!.id)
      .single()
    expect(profile?.display_name).toBe('Aisha Khan')
    expect(
      (await anonClient().auth.signInWithPassword({ email, password: testPassword })).error,
    ).toBeNull()
    const again = await anonClient().auth.verifyOtp({
      token_hash: link.searchParams.get('token_hash')!,
      type: 'email',
    })
    expect(again.error?.code).toBe('otp_expired')
  })

  it('answers an address that already has an account as if it were new: no error, no mail', async () => {
    const member = await createMember()
    const { data, error } = await anonClient().auth.signUp({
      email: member.email,
      password: 'another-password-9',
    })
    expect(error).toBeNull()
    expect(data.session).toBeNull()
    expect(data.user?.identities).toEqual([])
    expect(data.user?.id).not.toBe(member.id)
    await expect(latestMail(member.email, 300)).rejects.toThrow('No mail')
    // The account is untouched: the old password still signs in.
    expect((await signInAs(member)).auth).toBeTruthy()
  })

  it('sends the link again on request, which replaces the first', async () => {
    const { email } = await signUpNew()
    const first = new URL((await latestMail(email)).link!)
    expect((await anonClient().auth.resend({ type: 'signup', email })).error).toBeNull()
    const second = new URL((await latestMail(email)).link!)
    expect(second.searchParams.get('token_hash')).not.toBe(first.searchParams.get('token_hash'))
    const stale = await anonClient().auth.verifyOtp({
      token_hash: first.searchParams.get('token_hash')!,
      type: 'email',
    })
    expect(stale.error?.code).toBe('otp_expired')
    const fresh = await anonClient().auth.verifyOtp({
      token_hash: second.searchParams.get('token_hash')!,
      type: 'email',
    })
    expect(fresh.error).toBeNull()
  })

  it('refuses a password under 8 characters as a weak password', async () => {
    const { error } = await anonClient().auth.signUp({ email: uniqueEmail(), password: 'short' })
    expect(error).toBeInstanceOf(AuthWeakPasswordError)
    expect(error?.status).toBe(422)
    expect(error?.code).toBe('weak_password')
    expect((error as AuthWeakPasswordError).reasons).toEqual(['length'])
  })

  it('refuses an invalid e-mail address', async () => {
    const { error } = await anonClient().auth.signUp({
      email: 'not-an-address',
      password: testPassword,
    })
    expect(error?.status).toBe(400)
    expect(error?.code).toBe('email_address_invalid')
  })
})

describe('sign-in and sessions', () => {
  it('signs in with the right password and the token works against PostgREST', async () => {
    const member = await createMember({ displayName: 'Sign In Test' })
    const client = await signInAs(member)
    const { data } = await client.auth.getUser()
    expect(data.user?.id).toBe(member.id)
    const { data: profile } = await client
      .from('profiles')
      .select('display_name')
      .eq('id', member.id)
      .single()
    expect(profile?.display_name).toBe('Sign In Test')
  })

  it('refuses wrong credentials with invalid_credentials', async () => {
    const member = await createMember()
    const { error } = await anonClient().auth.signInWithPassword({
      email: member.email,
      password: 'wrong-password',
    })
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error?.status).toBe(400)
    expect(error?.code).toBe('invalid_credentials')
    const unknown = await anonClient().auth.signInWithPassword({
      email: uniqueEmail(),
      password: testPassword,
    })
    expect(unknown.error?.code).toBe('invalid_credentials')
  })

  it('rotates refresh tokens and refuses a token once it has been reused', async () => {
    const member = await createMember()
    const client = await signInAs(member)
    const first = (await client.auth.getSession()).data.session!
    const second = await client.auth.refreshSession()
    expect(second.error).toBeNull()
    expect(second.data.session!.refresh_token).not.toBe(first.refresh_token)
    const third = await client.auth.refreshSession()
    expect(third.error).toBeNull()

    // The first token's child has itself been rotated away: presenting it again is reuse.
    const replay = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token })
    expect(replay.error?.status).toBe(400)
    expect(replay.error?.code).toBe('refresh_token_already_used')
    // Reuse revokes the whole session, including the newest token.
    const after = await anonClient().auth.refreshSession({
      refresh_token: third.data.session!.refresh_token,
    })
    expect(after.error?.code).toBe('refresh_token_not_found')
  })

  it('accepts the immediate parent token again within the reuse interval', async () => {
    const client = await signInAs(await createMember())
    const first = (await client.auth.getSession()).data.session!
    const rotated = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token })
    const racing = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token })
    expect(racing.error).toBeNull()
    expect(racing.data.session!.refresh_token).toBe(rotated.data.session!.refresh_token)
  })

  it('signs out locally: the refresh token is revoked and the session is gone', async () => {
    const member = await createMember()
    const client = await signInAs(member)
    const other = await signInAs(member)
    const { access_token, refresh_token } = (await client.auth.getSession()).data.session!
    expect((await client.auth.signOut({ scope: 'local' })).error).toBeNull()
    const refreshed = await anonClient().auth.refreshSession({ refresh_token })
    expect(refreshed.error?.code).toBe('refresh_token_not_found')
    const gone = await anonClient().auth.getUser(access_token)
    expect(gone.error?.name).toBe('AuthSessionMissingError')
    // The member's other session is untouched by a local sign-out.
    expect((await other.auth.getUser()).data.user?.id).toBe(member.id)
  })

  it('signs out globally: every session of the member ends', async () => {
    const member = await createMember()
    const one = await signInAs(member)
    const two = await signInAs(member)
    const twoToken = (await two.auth.getSession()).data.session!.access_token
    expect((await one.auth.signOut({ scope: 'global' })).error).toBeNull()
    const result = await anonClient().auth.getUser(twoToken)
    expect(result.error?.name).toBe('AuthSessionMissingError')
  })
})

describe('tokens', () => {
  async function signedToken(claims: Record<string, unknown>, secret = stackInfo().jwtSecret) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(secret))
  }

  it('refuses an expired token with bad_jwt', async () => {
    const member = await createMember()
    const now = Math.floor(Date.now() / 1000)
    const expired = await signedToken({
      sub: member.id,
      role: 'authenticated',
      aud: 'authenticated',
      iat: now - 7200,
      exp: now - 3600,
    })
    const { error } = await anonClient().auth.getUser(expired)
    expect(error?.status).toBe(403)
    expect(error?.code).toBe('bad_jwt')
    expect(error?.message).toMatch(/expired/)
  })

  it('refuses a tampered token, at Auth and at PostgREST', async () => {
    const member = await createMember()
    const victim = await createMember()
    const token = (await member.client.auth.getSession()).data.session!.access_token
    const [header, payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const forged = [
      header,
      Buffer.from(JSON.stringify({ ...claims, sub: victim.id })).toString('base64url'),
      signature,
    ].join('.')
    const { error } = await anonClient().auth.getUser(forged)
    expect(error?.status).toBe(403)
    expect(error?.code).toBe('bad_jwt')

    const response = await fetch(`${stackInfo().apiUrl}/rest/v1/profiles?select=id`, {
      headers: { apikey: stackInfo().anonKey, authorization: `Bearer ${forged}` },
    })
    expect(response.status).toBe(401)
  })

  it('refuses a token signed with another secret', async () => {
    const member = await createMember()
    const token = await signedToken(
      { sub: member.id, role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 600 },
      'x'.repeat(40),
    )
    const { error } = await anonClient().auth.getUser(token)
    expect(error?.code).toBe('bad_jwt')
  })

  it('signs members’ tokens with the ES256 key it publishes, so getClaims checks them without Auth', async () => {
    const member = await createMember()
    const token = (await member.client.auth.getSession()).data.session!.access_token
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())
    expect(header.alg).toBe('ES256')
    const jwks = await (await fetch(`${stackInfo().apiUrl}/auth/v1/.well-known/jwks.json`)).json()
    expect(jwks.keys.map((key: { kid: string }) => key.kid)).toEqual([header.kid])
    // Published keys are public ones only.
    expect(jwks.keys[0]).not.toHaveProperty('d')

    const asked: string[] = []
    const watched = newClient(stackInfo().anonKey, {
      fetch: (input, init) => {
        asked.push(new URL(String(input)).pathname)
        return fetch(input, init)
      },
    })
    const { data, error } = await watched.auth.getClaims(token)
    expect(error).toBeNull()
    expect(data?.claims.sub).toBe(member.id)
    // At most the public keys (cached for every client of the process), never Auth's /user.
    expect(asked.filter((path) => path !== '/auth/v1/.well-known/jwks.json')).toEqual([])
  })

  it('refuses a member’s token signed with another ES256 key under the stack’s key id', async () => {
    const member = await createMember()
    const victim = await createMember()
    const token = (await member.client.auth.getSession()).data.session!.access_token
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
    const { privateKey } = await generateKeyPair('ES256')
    const forged = await new SignJWT({ ...claims, sub: victim.id })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: header.kid })
      .sign(privateKey)
    expect((await anonClient().auth.getClaims(forged)).error?.message).toMatch(/signature/i)
    expect((await anonClient().auth.getUser(forged)).error?.code).toBe('bad_jwt')
    const response = await fetch(`${stackInfo().apiUrl}/rest/v1/profiles?select=id`, {
      headers: { apikey: stackInfo().anonKey, authorization: `Bearer ${forged}` },
    })
    expect(response.status).toBe(401)
  })
})

describe('the API key', () => {
  it('is required', async () => {
    const response = await fetch(`${stackInfo().apiUrl}/auth/v1/user`)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ message: 'No API key found in request' })
    const rest = await fetch(`${stackInfo().apiUrl}/rest/v1/groups`)
    expect(rest.status).toBe(401)
  })

  it('must be one of the stack keys', async () => {
    const client = newClient('not-a-key')
    const { error } = await client.auth.signInWithPassword({
      email: uniqueEmail(),
      password: testPassword,
    })
    expect(error?.status).toBe(401)
    expect(error?.message).toBe('Invalid authentication credentials')
    const { error: restError, status } = await client.from('groups').select('id')
    expect(status).toBe(401)
    expect(restError).not.toBeNull()
  })
})

describe('user', () => {
  it('gets and updates the signed-in user: metadata merges, the password changes', async () => {
    const member = await createMember()
    const updated = await member.client.auth.updateUser({ data: { theme: 'dark' } })
    expect(updated.error).toBeNull()
    expect(updated.data.user?.user_metadata).toMatchObject({
      theme: 'dark',
      display_name: member.displayName,
    })

    const newPassword = 'a-new-password-2026'
    expect((await member.client.auth.updateUser({ password: newPassword })).error).toBeNull()
    expect(
      (await anonClient().auth.signInWithPassword({ email: member.email, password: testPassword }))
        .error?.code,
    ).toBe('invalid_credentials')
    expect(
      (await anonClient().auth.signInWithPassword({ email: member.email, password: newPassword }))
        .error,
    ).toBeNull()
  })

  it('refuses a weak or unchanged new password', async () => {
    const member = await createMember()
    const weak = await member.client.auth.updateUser({ password: 'short' })
    expect(weak.error).toBeInstanceOf(AuthWeakPasswordError)
    const same = await member.client.auth.updateUser({ password: testPassword })
    expect(same.error?.code).toBe('same_password')
  })
})

describe('e-mailed links', () => {
  it('sends a password recovery link to the outbox that signs the member in once', async () => {
    const member = await createMember()
    const { error } = await anonClient().auth.resetPasswordForEmail(member.email)
    expect(error).toBeNull()
    const mail = await latestMail(member.email)
    expect(mail.subject).toMatch(/reset/i)
    const link = new URL(mail.link!)
    expect(link.origin).toBe(new URL(stackInfo().appUrl ?? link.origin).origin)
    expect(link.pathname).toBe('/auth/confirm')
    expect(link.searchParams.get('type')).toBe('recovery')
    const tokenHash = link.searchParams.get('token_hash')!

    const client = anonClient()
    const verified = await client.auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' })
    expect(verified.error).toBeNull()
    expect(verified.data.user?.id).toBe(member.id)
    expect((await client.auth.updateUser({ password: 'recovered-password' })).error).toBeNull()
    expect(
      (
        await anonClient().auth.signInWithPassword({
          email: member.email,
          password: 'recovered-password',
        })
      ).error,
    ).toBeNull()

    const again = await anonClient().auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' })
    expect(again.error?.status).toBe(403)
    expect(again.error?.code).toBe('otp_expired')
  })

  it('answers a recovery request for an unknown address the same way, and sends nothing', async () => {
    const email = uniqueEmail('nobody')
    const { error } = await anonClient().auth.resetPasswordForEmail(email)
    expect(error).toBeNull()
    await expect(latestMail(email, 300)).rejects.toThrow(/No mail/)
  })

  it('signs in with a magic link, and with the six-digit code', async () => {
    const member = await createMember()
    expect(
      (
        await anonClient().auth.signInWithOtp({
          email: member.email,
          options: { shouldCreateUser: false },
        })
      ).error,
    ).toBeNull()
    const mail = await latestMail(member.email)
    const hash = new URL(mail.link!).searchParams.get('token_hash')!
    const byLink = await anonClient().auth.verifyOtp({ token_hash: hash, type: 'magiclink' })
    expect(byLink.data.user?.id).toBe(member.id)

    expect((await anonClient().auth.signInWithOtp({ email: member.email })).error).toBeNull()
    const code = /code: (\d{6})/.exec((await latestMail(member.email)).body)![1]
    const byCode = await anonClient().auth.verifyOtp({
      email: member.email,
      token: code,
      type: 'email',
    })
    expect(byCode.error).toBeNull()
    expect(byCode.data.session?.user.id).toBe(member.id)
  })

  it('does not create users through a magic link when told not to', async () => {
    const { error } = await anonClient().auth.signInWithOtp({
      email: uniqueEmail(),
      options: { shouldCreateUser: false },
    })
    expect(error?.code).toBe('otp_disabled')
  })
})

describe('admin API', () => {
  it('creates, lists, gets and deletes users with the service-role key', async () => {
    const admin = serviceClient().auth.admin
    const email = uniqueEmail('admin-made')
    const created = await admin.createUser({
      email,
      password: testPassword,
      email_confirm: true,
      user_metadata: { display_name: 'Made By Admin' },
    })
    expect(created.error).toBeNull()
    const id = created.data.user!.id

    const fetched = await admin.getUserById(id)
    expect(fetched.data.user?.email).toBe(email)

    // Pages through every user (other tests add users meanwhile), as an admin tool would.
    let found = false
    let total = 0
    for (let page = 1; page <= 50 && !found; page++) {
      const listed = await admin.listUsers({ page, perPage: 200 })
      expect(listed.error).toBeNull()
      total = (listed.data as typeof listed.data & { total: number }).total
      found = listed.data.users.some((user) => user.id === id)
      if (listed.data.users.length < 200) break
    }
    expect(total).toBeGreaterThan(0)
    expect(found).toBe(true)

    const duplicate = await admin.createUser({ email, password: testPassword })
    expect(duplicate.error?.status).toBe(422)
    expect(duplicate.error?.code).toBe('email_exists')

    expect((await admin.deleteUser(id)).error).toBeNull()
    const missing = await admin.getUserById(id)
    expect(missing.error?.status).toBe(404)
    expect(missing.error?.code).toBe('user_not_found')
  })

  it('refuses the admin API to anyone without the service role', async () => {
    const member = await createMember()
    const { error } = await member.client.auth.admin.listUsers()
    expect(isAuthError(error)).toBe(true)
    expect(error?.status).toBe(403)
    expect(error?.code).toBe('not_admin')
    const asAnon = await anonClient().auth.admin.getUserById(member.id)
    expect(asAnon.error?.status).toBe(403)
  })
})
