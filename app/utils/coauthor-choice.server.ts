// The co-authors chosen on the new-proposal page: each ticked box carries the member found
// (as JSON, so the page can show them again without a second search); only the id is acted
// on, and Postgres decides whether that member may be invited.
import { z } from 'zod'
import { coauthorChoiceMost, type FoundMember } from './member-finder'
import { uuidPattern } from './uuid'

const chosenSchema = z.object({
  id: z.string().regex(uuidPattern),
  displayName: z.string().max(80),
  borough: z.string().max(80).nullable(),
  joinedAt: z.string().max(40),
  email: z.string().max(320).nullable(),
})

export type CoauthorChoice = { query: string; chosen: FoundMember[]; error: string | null }

export function readCoauthorChoice(formData: FormData): CoauthorChoice {
  const query = String(formData.get('coauthorQuery') ?? '')
    .trim()
    .slice(0, 80)
  const chosen = new Map<string, FoundMember>()
  for (const raw of formData.getAll('coauthor')) {
    try {
      const parsed = chosenSchema.safeParse(JSON.parse(String(raw)))
      if (parsed.success) chosen.set(parsed.data.id, parsed.data)
    } catch {
      // A box that carries no member is not a choice.
    }
  }
  const list = [...chosen.values()]
  const error =
    list.length > coauthorChoiceMost
      ? `Invite at most ${coauthorChoiceMost} co-authors now; you can invite more after saving.`
      : null
  return { query, chosen: list, error }
}
