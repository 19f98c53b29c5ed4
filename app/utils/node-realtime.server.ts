// supabase-js on Node 20 has no native WebSocket and throws in createClient unless Realtime
// is given one. Every client factory (app, tests, tooling) uses this.
import type { SupabaseClientOptions } from '@supabase/supabase-js'
import ws from 'ws'

type RealtimeOptions = NonNullable<SupabaseClientOptions<'public'>['realtime']>

// ws's constructor overloads are wider than Realtime's declared type; at run time it is the
// WebSocket implementation Realtime expects.
export const nodeRealtime: RealtimeOptions = {
  transport: ws as unknown as RealtimeOptions['transport'],
}
