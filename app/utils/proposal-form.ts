// The proposal form's title and summary, shared by browser and server. The body is checked
// separately by the document contract (app/editor/document.ts).
import { z } from 'zod'
import { SUMMARY_MAX_LENGTH, TITLE_MAX_LENGTH, TITLE_MIN_LENGTH } from '~/editor/document'

export const CHANGE_NOTE_MAX_LENGTH = 280

export const proposalFieldsSchema = z.object({
  title: z
    .string({ error: 'Give your proposal a title.' })
    .trim()
    .min(TITLE_MIN_LENGTH, { error: `The title needs at least ${TITLE_MIN_LENGTH} characters.` })
    .max(TITLE_MAX_LENGTH, { error: `The title can have at most ${TITLE_MAX_LENGTH} characters.` }),
  summary: z
    .string()
    .trim()
    .max(SUMMARY_MAX_LENGTH, { error: `Keep the summary to ${SUMMARY_MAX_LENGTH} characters.` })
    .optional()
    .transform((value) => value ?? ''),
  version: z.coerce.number().int().positive().optional(),
  // Asked only when a published proposal is edited (Postgres refuses such an edit without one).
  changeNote: z
    .string()
    .trim()
    .max(CHANGE_NOTE_MAX_LENGTH, {
      error: `Keep the note on your change to ${CHANGE_NOTE_MAX_LENGTH} characters.`,
    })
    .optional()
    .transform((value) => value ?? ''),
})

/** Said when a save is refused because the proposal is no longer the member's to edit. */
export const noLongerEditable =
  'This proposal can no longer be edited, so your changes were not saved.'
