// Beside the editor: what this group asks of a proposal and where it stands (its facilitators'
// summary), how a proposal reaches the shortlist here, and what makes one easy to support.
import { PlainText } from '~/components/plain-text'
import { longDate } from '~/utils/dates'

export type DraftingGroup = {
  name: string
  facilitatorNote: string
  facilitatorNoteUpdatedAt: string | null
  shortlistSupporters: number | null
  shortlistBoroughs: number
}

const number = new Intl.NumberFormat('en-GB')

export function DraftingAdvice({ group }: { group: DraftingGroup }) {
  return (
    <aside
      id="advice"
      aria-labelledby="advice-heading"
      className="space-y-4 rounded-xl border border-stone-300 bg-white p-4 text-sm text-stone-800"
    >
      <h3 id="advice-heading" className="text-base font-bold text-stone-900">
        Writing for {group.name}
      </h3>
      {group.facilitatorNote ? (
        <section aria-labelledby="advice-note-heading">
          <h4 id="advice-note-heading" className="font-semibold text-stone-900">
            From the facilitators
            {group.facilitatorNoteUpdatedAt ? `, ${longDate(group.facilitatorNoteUpdatedAt)}` : ''}
          </h4>
          <PlainText text={group.facilitatorNote} />
        </section>
      ) : null}
      <section aria-labelledby="advice-good-heading">
        <h4 id="advice-good-heading" className="font-semibold text-stone-900">
          A proposal members can back
        </h4>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          <li>A title that says what should happen, not only the problem.</li>
          <li>A summary of one or two sentences: it is what members see in lists.</li>
          <li>
            In the text: the problem, what the mayor should do about it, and who gains. Say what it
            costs if you know.
          </li>
          <li>
            Someone may have proposed it already: proposals like yours appear as you type the title,
            and supporting or improving one often gets further.
          </li>
        </ul>
      </section>
      <section aria-labelledby="advice-shortlist-heading">
        <h4 id="advice-shortlist-heading" className="font-semibold text-stone-900">
          How it reaches the candidate
        </h4>
        <p>
          Members discuss it, vote and suggest changes.{' '}
          {group.shortlistSupporters
            ? `With ${number.format(group.shortlistSupporters)} supporters${
                group.shortlistBoroughs
                  ? ` in at least ${number.format(group.shortlistBoroughs)} boroughs (5 or more in each)`
                  : ''
              }, it joins the facilitators’ queue for the shortlist.`
            : 'The facilitators shortlist the best-supported proposals.'}{' '}
          The shortlist goes to the candidate, who answers each in public.
        </p>
      </section>
    </aside>
  )
}
