// Who is in the demo: the accounts README lists (one per role), and ordinary members spread
// over the six boroughs so that every proposal draws votes from each of them. The names are
// made up: common first names and surnames of the region, paired so no two are alike.

export const demoPassword = 'policy-forum-demo'
export const demoDomain = 'demo.policyforum.local'

export const boroughs = [
  'liverpool',
  'sefton',
  'knowsley',
  'st-helens',
  'halton',
  'wirral',
] as const
export type Borough = (typeof boroughs)[number]

export type DemoPerson = {
  key: string
  email: string
  displayName: string
  region: Borough
  /** Days before the seed that the account was made. */
  joinedDaysAgo: number
}

/** The accounts README's table names; keys are how the story refers to them. */
export const namedPeople: DemoPerson[] = [
  ['admin', 'admin', 'Ada Okafor', 'liverpool'],
  ['candidate', 'candidate', 'Cara Whitfield', 'liverpool'],
  ['bernie', 'buses.facilitator', 'Bernie Doyle', 'sefton'],
  ['sunita', 'skills.facilitator', 'Sunita Rao', 'knowsley'],
  ['sam', 'schools.facilitator', 'Sam Okoye', 'st-helens'],
  ['hannah', 'housing.facilitator', 'Hannah Byrne', 'halton'],
  ['tariq', 'tolls.facilitator', 'Tariq Aziz', 'wirral'],
  ['lena', 'liverpool.member', 'Lena from Liverpool', 'liverpool'],
  ['sean', 'sefton.member', 'Sean from Sefton', 'sefton'],
  ['kofi', 'knowsley.member', 'Kofi from Knowsley', 'knowsley'],
  ['sian', 'sthelens.member', 'Sian from St Helens', 'st-helens'],
  ['harry', 'halton.member', 'Harry from Halton', 'halton'],
  ['wendy', 'wirral.member', 'Wendy from Wirral', 'wirral'],
].map(([key, local, displayName, region], index) => ({
  key: key!,
  email: `${local}@${demoDomain}`,
  displayName: displayName!,
  region: region as Borough,
  joinedDaysAgo: 200 - index,
}))

export const boroughMemberKeys = ['lena', 'sean', 'kofi', 'sian', 'harry', 'wendy'] as const
export const facilitatorOf = {
  buses: 'bernie',
  skills: 'sunita',
  schools: 'sam',
  housing: 'hannah',
  tolls: 'tariq',
} as const
export type GroupSlug = keyof typeof facilitatorOf
export const groupSlugs = Object.keys(facilitatorOf) as GroupSlug[]

const firstNames = [
  'Maureen',
  'Dave',
  'Joanne',
  'Paul',
  'Siobhan',
  'Tony',
  'Claire',
  'Gary',
  'Bernadette',
  'Kevin',
  'Lisa',
  'Mick',
  'Nicola',
  'Steve',
  'Pauline',
  'Carl',
  'Denise',
  'Jamie',
  'Amira',
  'Ryan',
  'Chloe',
  'Jordan',
  'Leanne',
  'Kieran',
  'Priya',
  'Liam',
  'Grace',
  'Callum',
  'Yusuf',
  'Megan',
  'Darren',
  'Kerry',
  'Tomasz',
  'Holly',
  'Owen',
  'Fatima',
]
const surnames = [
  'Kelly',
  'Murphy',
  'Hughes',
  'McCarthy',
  'Jones',
  'Roberts',
  'Doherty',
  'Quinn',
  'Clarke',
  'Walsh',
  'Lynch',
  'Parry',
  'Molloy',
  'Kennedy',
  'Gallagher',
  'Hanlon',
  'Rimmer',
  'Brady',
  'Ahmed',
  'Nowak',
  'Evans',
  'Costello',
  'Daly',
  'Mensah',
  'Fenton',
  'Haworth',
  'Tierney',
]

/** Eighteen members in each borough, joined between two and eight months ago. */
export function generatedPeople(perBorough = 18): DemoPerson[] {
  const people: DemoPerson[] = []
  for (let i = 0; i < perBorough * boroughs.length; i += 1) {
    const first = firstNames[i % firstNames.length]!
    const last = surnames[(i * 7 + Math.floor(i / firstNames.length)) % surnames.length]!
    people.push({
      key: `m${String(i + 1).padStart(3, '0')}`,
      email: `${first}.${last}.${i + 1}@members.${demoDomain}`.toLowerCase(),
      displayName: `${first} ${last}`,
      region: boroughs[i % boroughs.length]!,
      joinedDaysAgo: 240 - ((i * 37) % 180),
    })
  }
  return people
}
