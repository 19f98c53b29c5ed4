// While a ballot is open: the member's ranking form (with standing), or whether their ballot
// is in, or what it takes to rank here. A refusal shows beside the form, or above the reason
// the member cannot rank.
import { RankingForm } from '~/components/ballot/ranking-form'
import { FormErrors } from '~/components/ui/field'
import { dateAndTime } from '~/utils/dates'

type Option = { proposalId: string; title: string }

export function RankSection({
  options,
  paper,
  canRank,
  signedIn,
  isActiveMember,
  refusal,
}: {
  options: Option[]
  paper: { ranking: string[]; updated_at: string } | null
  canRank: boolean
  signedIn: boolean
  isActiveMember: boolean
  refusal: { error: string; intent: string } | null
}) {
  return (
    <section aria-labelledby="rank-heading">
      <h2 id="rank-heading" className="text-xl font-bold">
        {paper ? 'Your ballot is in' : 'Rank the options'}
      </h2>
      {paper ? (
        <p className="mt-1 text-stone-700">
          Saved <time dateTime={paper.updated_at}>{dateAndTime(paper.updated_at)}</time>. Only you
          can see your ranking. You can change it until the ballot closes.
        </p>
      ) : null}
      <div className="mt-3">
        {!canRank && refusal ? <FormErrors id="rank-refused" errors={[refusal.error]} /> : null}
        {canRank ? (
          <RankingForm
            options={options}
            ranking={paper?.ranking ?? []}
            error={refusal?.intent === 'rank' ? refusal.error : null}
          />
        ) : (
          <p>
            {!signedIn
              ? 'Sign in to rank: members with standing in this group can vote in its ballots.'
              : isActiveMember
                ? 'Members rank once they have standing here: in the group for its standing period and having voted or commented on another member’s proposal.'
                : 'Only members of this group with standing can rank in its ballots.'}
          </p>
        )}
      </div>
    </section>
  )
}
