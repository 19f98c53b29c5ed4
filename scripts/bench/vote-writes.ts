// `npx tsx scripts/bench/vote-writes.ts`: vote writes only, before and after migration
// 20261208100000, in one run (see votes.ts). Seeds a throw-away stack with the main bench's
// seed (fewer comments: they do not take part), then measures statements of 5,000 new votes
// as postgres and single votes through PostgREST as members. Stops everything it started.
//
//   npx tsx scripts/bench/vote-writes.ts --proposals 10000 --votes 1000000 --duration 5
import { parseArgs } from 'node:util'
import { onShutdown } from '../../supabase/local/signals'
import { seed } from './seed'
import { startThrowawayStack, createStoppers } from './throwaway'
import { benchMemberVotes, benchVotes } from './votes'

const { values: flags } = parseArgs({
  options: {
    proposals: { type: 'string', default: '10000' },
    votes: { type: 'string', default: '1000000' },
    members: { type: 'string', default: '3000' },
    statement: { type: 'string', default: '5000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
})
const count = (name: keyof typeof flags) => {
  const value = Number(flags[name])
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a whole number.`)
  return value
}

const { stoppers, stopAll } = createStoppers()
onShutdown(async () => {
  await stopAll()
  process.exitCode = 130
})

async function main() {
  const sizes = {
    proposals: count('proposals'),
    votes: count('votes'),
    members: count('members'),
    comments: 1000,
    longThread: 500,
    shortThread: 10,
  }
  console.log('Starting a throw-away stack…')
  const { stack, db } = await startThrowawayStack('vote-writes', stoppers)
  console.log(
    `Seeding ${sizes.proposals} proposals, ${sizes.votes} votes, ${sizes.members} members…`,
  )
  await seed(db, sizes, console.log)
  console.log('\nStatements through the triggers, as postgres:')
  const statement = Math.min(count('statement'), sizes.proposals)
  for (const line of await benchVotes(db, statement)) console.log(`  ${line}`)
  console.log('\nMembers voting:')
  const lines = await benchMemberVotes(db, stack, {
    connections: count('connections'),
    seconds: count('duration'),
    // The seed used each proposal's first votes ÷ proposals voters; benchVotes its last few.
    firstVoter: Math.ceil(sizes.votes / sizes.proposals),
  })
  for (const line of lines) console.log(`  ${line}`)
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => stopAll())
