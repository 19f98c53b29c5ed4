// The counting rules in a few sentences, folded away on the ballot page: the alternative vote,
// how ties for fewest votes are broken, and what stays secret.
export function HowItIsCounted() {
  return (
    <details className="rounded-md border border-stone-300 bg-stone-50 p-3">
      <summary className="cursor-pointer font-semibold">How the ballot is counted</summary>
      <div className="mt-2 space-y-2 text-sm">
        <p>
          By the alternative vote, as the campaign chose its candidate. Each round, every ballot
          counts for its highest choice still in the race. An option with more than half of those
          ballots wins. Otherwise the option with the fewest votes is eliminated and its ballots
          pass to their next choice still in the race. A ballot with no choice left is exhausted and
          counted apart.
        </p>
        <p>
          <strong>Ties for fewest votes:</strong> the option with fewer votes in the earliest round
          where the tied options differ is eliminated; if they were level in every round, one is
          drawn by lot from a seed recorded with the count, so anyone can repeat it.
        </p>
        <p>
          Ballots are secret: nobody, facilitators included, can see how a member ranked. Boroughs
          where fewer than 5 members voted are shown together.
        </p>
      </div>
    </details>
  )
}
