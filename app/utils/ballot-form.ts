// The ballot forms' rules, shared by browser and server: opening a ballot, and reading a
// member's ranking from either form (a place per option without JavaScript; the ordered list
// with it sends the same fields). Postgres checks them again.
import { z } from 'zod'

export const ballotQuestionLimit = 200
export const campaignTimeZone = 'Europe/London'

/** A `datetime-local` value read as the campaign's local time (London), as an ISO instant. */
export function londonLocalToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return null
  const [, y, mo, d, h, mi] = match.map(Number)
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  if (Number.isNaN(asUtc)) return null
  // London's offset at that moment: what the UTC instant reads as in London, minus itself.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: campaignTimeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(asUtc))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const londonAsUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
  )
  return new Date(asUtc - (londonAsUtc - asUtc)).toISOString()
}

/** An instant as a `datetime-local` value in London time. */
export function isoToLondonLocal(iso: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: campaignTimeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`
}

const localTime = z
  .string({ error: 'Give a date and time.' })
  .refine((value) => londonLocalToIso(value) !== null, 'Give a date and time.')

export const openBallotSchema = z
  .object({
    question: z
      .string({ error: 'Ask the question members will answer.' })
      .trim()
      .min(5, 'Ask a question of at least 5 characters.')
      .max(ballotQuestionLimit, `Keep the question to ${ballotQuestionLimit} characters.`),
    proposals: z
      .array(z.uuid(), { error: 'Choose between 2 and 10 proposals.' })
      .min(2, 'Choose at least 2 proposals.')
      .max(10, 'Choose at most 10 proposals.'),
    opensAt: localTime.optional(),
    closesAt: localTime,
  })
  .refine(
    (value) =>
      !value.opensAt ||
      Date.parse(londonLocalToIso(value.closesAt)!) > Date.parse(londonLocalToIso(value.opensAt)!),
    { path: ['closesAt'], message: 'The ballot must close after it opens.' },
  )

/** The field that carries an option's place in the ranking. */
export function placeField(proposalId: string) {
  return `place-${proposalId}`
}

/** A ranking from the form: options by the place the member gave them (1 first), unranked
 * ones left out. Two options in one place is refused: we would have to guess the order. */
export function readRanking(
  formData: FormData,
  optionIds: string[],
): { ok: true; ranking: string[] } | { ok: false; message: string } {
  const placed: { id: string; place: number }[] = []
  for (const id of optionIds) {
    const raw = String(formData.get(placeField(id)) ?? '').trim()
    if (raw === '') continue
    const place = Number(raw)
    if (!Number.isInteger(place) || place < 1 || place > optionIds.length)
      return {
        ok: false,
        message: `Give each ranked option a place from 1 to ${optionIds.length}.`,
      }
    placed.push({ id, place })
  }
  if (placed.length === 0) return { ok: false, message: 'Rank at least one option first.' }
  const places = placed.map((p) => p.place)
  const shared = places.find((p, i) => places.indexOf(p) !== i)
  if (shared !== undefined)
    return {
      ok: false,
      message: `Two options are both in place ${shared}. Give each option its own place.`,
    }
  return { ok: true, ranking: placed.sort((a, b) => a.place - b.place).map((p) => p.id) }
}
