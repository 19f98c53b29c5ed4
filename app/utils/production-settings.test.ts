import { describe, expect, it } from 'vitest'
import { localJwtSecret, signApiKey } from '../../supabase/local/keys'
import { productionSettingsProblem } from './production-settings.server'

const url = 'https://abcdefgh.supabase.co'

describe('productionSettingsProblem', () => {
  it('names the missing settings', () => {
    expect(productionSettingsProblem({})).toContain(
      'will not start in production without SUPABASE_URL and SUPABASE_ANON_KEY.',
    )
    expect(productionSettingsProblem({ SUPABASE_URL: url })).toContain('without SUPABASE_ANON_KEY.')
  })

  it("refuses an anon key signed with the local stack's well-known secret", async () => {
    const key = await signApiKey(localJwtSecret, 'anon')
    expect(productionSettingsProblem({ SUPABASE_URL: url, SUPABASE_ANON_KEY: key })).toContain(
      "with the local stack's keys",
    )
  })

  it("accepts a project's own keys", async () => {
    const jwt = await signApiKey('a-project-secret-of-at-least-thirty-two-chars', 'anon')
    expect(productionSettingsProblem({ SUPABASE_URL: url, SUPABASE_ANON_KEY: jwt })).toBeNull()
    const publishable = 'sb_publishable_0123456789abcdefghijkl'
    expect(
      productionSettingsProblem({ SUPABASE_URL: url, SUPABASE_ANON_KEY: publishable }),
    ).toBeNull()
  })
})
