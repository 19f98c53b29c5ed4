// The server's configuration, read once from the environment and checked.
import { z } from 'zod'

const schema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  SUPABASE_URL: z.url({ message: 'SUPABASE_URL must be the URL of your Supabase project' }),
  SUPABASE_ANON_KEY: z
    .string()
    .min(20, 'SUPABASE_ANON_KEY must be the anon (public) key of your project'),
})

export type ServerEnv = z.infer<typeof schema>

let cached: ServerEnv | null = null

export function serverEnv(): ServerEnv {
  if (cached) return cached
  const parsed = schema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n')
    throw new Error(`The server is not configured:\n${problems}`)
  }
  cached = parsed.data
  return cached
}

export function isProduction() {
  return serverEnv().NODE_ENV === 'production'
}
