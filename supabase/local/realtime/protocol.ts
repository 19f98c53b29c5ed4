// Phoenix-channel frames as @supabase/realtime-js speaks them: vsn 1.0.0 sends objects,
// vsn 2.0.0 (its default) sends arrays [join_ref, ref, topic, event, payload]. Binary frames
// (2.0.0's user broadcast push) are decoded for their header and JSON payload only.
export type Frame = {
  join_ref: string | null
  ref: string | null
  topic: string
  event: string
  payload: Record<string, unknown>
}

export type Vsn = '1.0.0' | '2.0.0'

export function encodeFrame(vsn: Vsn, frame: Frame): string {
  if (vsn === '1.0.0') return JSON.stringify(frame)
  return JSON.stringify([frame.join_ref, frame.ref, frame.topic, frame.event, frame.payload])
}

export function decodeFrame(data: Buffer | string, isBinary: boolean): Frame | null {
  if (isBinary) return decodeUserBroadcastPush(Buffer.isBuffer(data) ? data : Buffer.from(data))
  try {
    const parsed: unknown = JSON.parse(String(data))
    if (Array.isArray(parsed) && parsed.length === 5) {
      const [join_ref, ref, topic, event, payload] = parsed as unknown[]
      return frameOf({ join_ref, ref, topic, event, payload })
    }
    if (parsed && typeof parsed === 'object') return frameOf(parsed as Record<string, unknown>)
  } catch {
    // fall through: not a frame
  }
  return null
}

function frameOf(value: Record<string, unknown>): Frame | null {
  const { join_ref, ref, topic, event, payload } = value
  if (typeof topic !== 'string' || typeof event !== 'string') return null
  return {
    join_ref: typeof join_ref === 'string' ? join_ref : null,
    ref: typeof ref === 'string' ? ref : null,
    topic,
    event,
    payload: payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {},
  }
}

/** Kind 3: [kind, join_ref len, ref len, topic len, event len, metadata len, encoding, ...]. */
function decodeUserBroadcastPush(buffer: Buffer): Frame | null {
  if (buffer.length < 7 || buffer[0] !== 3) return null
  const lengths = [buffer[1], buffer[2], buffer[3], buffer[4], buffer[5]]
  const jsonEncoded = buffer[6] === 1
  let offset = 7
  const parts = lengths.map((length) => {
    const part = buffer.subarray(offset, offset + length).toString('utf8')
    offset += length
    return part
  })
  const [joinRef, ref, topic, userEvent] = parts
  if (!jsonEncoded) return null
  let payload: unknown
  try {
    payload = JSON.parse(buffer.subarray(offset).toString('utf8'))
  } catch {
    return null
  }
  return {
    join_ref: joinRef || null,
    ref: ref || null,
    topic,
    event: 'broadcast',
    payload: { type: 'broadcast', event: userEvent, payload },
  }
}
