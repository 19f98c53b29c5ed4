// The embedded local stack as `npm run dev` boots it when SUPABASE_URL is unset: demo accounts,
// the outbox, the well-known local keys. server.ts loads this module only in development, so
// the production build contains none of it.
import { describeStack, localStackOptions } from './config'
import { onShutdown } from './signals'
import { startStack } from './stack'

export async function startDevelopmentStack(port: number) {
  const began = Date.now()
  const stack = await startStack({
    ...localStackOptions(),
    siteUrl: process.env.SITE_URL ?? `http://localhost:${port}`,
  })
  process.env.SUPABASE_URL = stack.apiUrl
  process.env.SUPABASE_ANON_KEY = stack.anonKey
  console.log(
    `Local Supabase stack ready in ${((Date.now() - began) / 1000).toFixed(1)} s:\n${describeStack(stack)}\n`,
  )
  return { stop: stack.stop, onShutdown }
}
