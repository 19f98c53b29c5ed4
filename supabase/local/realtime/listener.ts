// The messages realtime.send commits, as the local bootstrap's trigger announces them by
// NOTIFY on one channel. One connection LISTENs; when Postgres goes away (a supervised
// restart) it connects again after a short wait, so live updates resume on their own.
import pg from 'pg'

export type DatabaseMessage = {
  id: string
  topic: string
  event: string
  private: boolean
  payload: Record<string, unknown>
}

export type MessageListener = { stop(): Promise<void> }

const channel = 'realtime_local_messages'

export async function listenForMessages(
  databaseUrl: string,
  db: pg.Pool,
  deliver: (message: DatabaseMessage) => void,
): Promise<MessageListener> {
  let stopping = false
  let client: pg.Client | null = null
  let retry: NodeJS.Timeout | null = null

  async function readLarge(id: string) {
    const { rows } = await db.query<DatabaseMessage>(
      `select id, topic, event, private, payload from realtime.messages
        where id = $1 and extension = 'broadcast'`,
      [id],
    )
    if (rows[0]) deliver(rows[0])
  }

  async function connect() {
    const current = new pg.Client({ connectionString: databaseUrl })
    client = current
    current.on('notification', (note) => {
      if (note.channel !== channel || !note.payload) return
      try {
        const message = JSON.parse(note.payload) as DatabaseMessage & { large?: boolean }
        if (message.large) void readLarge(message.id).catch(() => undefined)
        else deliver(message)
      } catch {
        // not one of ours
      }
    })
    current.on('error', () => reconnectSoon())
    current.on('end', () => reconnectSoon())
    await current.connect()
    await current.query(`listen ${channel}`)
  }

  function reconnectSoon() {
    if (stopping || retry) return
    const previous = client
    client = null
    void previous?.end().catch(() => undefined)
    retry = setTimeout(() => {
      retry = null
      if (stopping) return
      connect().catch(() => reconnectSoon())
    }, 500)
  }

  await connect()
  return {
    async stop() {
      stopping = true
      if (retry) clearTimeout(retry)
      await client?.end().catch(() => undefined)
    },
  }
}
