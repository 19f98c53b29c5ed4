// The console's bulk acts: which proposals were selected (checkboxes, or the comma-joined
// list a second step carries back), and the one message that says what was done and what
// Postgres refused and why.
import type { Flash } from '~/utils/flash.server'
import { uuidPattern } from '~/utils/uuid'

/** At most one page's worth and a little more: a bulk act is for a page of the table. */
const mostSelected = 100

export function readSelected(values: FormDataEntryValue[]) {
  const ids = values
    .flatMap((value) => String(value).split(','))
    .map((id) => id.trim())
    .filter((id) => uuidPattern.test(id))
  return [...new Set(ids)].slice(0, mostSelected)
}

function short(title: string) {
  return title.length > 40 ? `${title.slice(0, 39)}…` : title
}

/** "2 shortlisted. Not shortlisted: “Tram-train…” — Another facilitator decides…". Kept
 * within the flash message's 300 characters: the first refusals in full, then a count. */
export function describeBulkOutcome(
  action: 'shortlist' | 'archive',
  { done, refused }: { done: string[]; refused: Array<{ title: string; message: string }> },
): Flash {
  const verb = action === 'shortlist' ? 'shortlisted' : 'archived'
  const parts = [`${done.length} ${verb}.`]
  if (refused.length) {
    let text = `Not ${verb}:`
    let shown = 0
    for (const refusal of refused) {
      const next = ` “${short(refusal.title)}”: ${refusal.message}`
      if ((parts[0] + text + next).length > 260) break
      text += next
      shown += 1
    }
    if (shown < refused.length) text += ` and ${refused.length - shown} more.`
    parts.push(text)
  }
  return {
    kind: refused.length ? (done.length ? 'info' : 'error') : 'success',
    message: parts.join(' ').slice(0, 300),
  }
}
