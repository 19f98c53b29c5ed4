// Buses: a network that serves communities before operators (a quick win).
import type { GroupStory } from '../story'

export const buses: GroupStory = {
  slug: 'buses',
  proposals: [
    {
      key: 'part-time-tickets',
      author: 'lena',
      coauthors: ['sefton'],
      title: 'Part-time season tickets',
      summary: 'Season tickets priced for people who work two or three days a week.',
      body: [
        { h: 'The problem' },
        'Weekly and monthly tickets assume a five-day week. Part-time workers, many of them carers, pay day fares instead and end up paying more per journey than full-time colleagues.',
        { h: 'What we propose' },
        {
          ul: [
            'A carnet of 10 or 12 day tickets, valid for a month',
            'Priced at the weekly ticket’s daily rate',
          ],
        },
      ],
      revision: {
        after: 70,
        note: 'Eight-day carnets too, valid on every operator, and who gains first.',
        body: [
          { h: 'The problem' },
          'Weekly and monthly tickets assume a five-day week. Part-time workers, many of them carers, pay day fares instead and end up paying more per journey than full-time colleagues.',
          { h: 'What we propose' },
          {
            ul: [
              'A carnet of 8 or 12 day tickets, valid for a month on every operator’s buses',
              'Priced at the weekly ticket’s daily rate',
              'Bought on a phone or at any shop that sells tickets today, with no smart card needed',
            ],
          },
          { h: 'Who gains first' },
          'Carers, students who work shifts and the thousands of residents on part-time contracts in retail, care and the hospitals.',
        ],
      },
      stage: 'adopted',
      daysAgo: 34,
      turnout: [0.85, 0.8, 0.75, 0.7, 0.7, 0.8],
      support: [0.9, 0.85, 0.85, 0.8, 0.8, 0.85],
      votes: { wendy: 1, sian: 1, harry: 1 },
      answer:
        'Adopted. In my first year a flexible carnet of 8 or 12 day tickets will be on sale on every bus in the city region, at the weekly ticket’s daily rate. Thank you to everyone who worked on this, and especially to the carers who told us what they pay today.',
      comments: [
        {
          by: 'sean',
          stance: 'for',
          after: 3,
          text: 'I work three days a week at the hospital and pay more than my full-time colleagues. This would help a lot.',
          replies: [
            {
              by: 'liverpool',
              stance: 'for',
              after: 2,
              text: 'Same for me at Aintree. The 8-day option matters: two days a week is common in care work.',
            },
          ],
        },
        {
          by: 'wirral',
          stance: 'neutral',
          after: 9,
          text: 'How would operators be paid for the discount? See https://example.org/fares for how another city region did it.',
          replies: [
            {
              by: 'lena',
              after: 4,
              text: 'Each operator is paid per journey from the carnet, the way the multi-operator day ticket already works. I have added that to the proposal.',
            },
          ],
        },
        {
          by: 'knowsley',
          stance: 'against',
          after: 20,
          text: 'I support the idea but worry it costs money that should go on bringing routes back first. A cheap ticket is no use without a bus.',
          replies: [
            {
              by: 'st-helens',
              stance: 'for',
              after: 5,
              text: 'Both can happen: this one pays for itself if part-timers stop driving in on the days they work.',
            },
          ],
        },
        {
          by: 'halton',
          stance: 'for',
          after: 30,
          text: 'Please make sure it works on the buses into Widnes and Runcorn too, not just Merseytravel routes.',
        },
      ],
    },
    {
      key: 'halewood-10a',
      author: 'kofi',
      title: 'Bring back the evening 10A to Halewood',
      summary:
        'Restore the evening service that linked Halewood to the city centre, so late shifts end with a bus home.',
      body: [
        'Since the evening 10A was cut, people in Halewood cannot get home from late shifts without a taxi. Hospital, hotel and warehouse workers pay £15 or more a night.',
        { h: 'What we propose' },
        {
          ul: [
            'An hourly 10A from 7pm to midnight, seven days a week',
            'Timed to meet the last trains at Liverpool South Parkway',
          ],
        },
      ],
      stage: 'open',
      daysAgo: 12,
      pinned: true,
      turnout: [0.5, 0.35, 0.95, 0.4, 0.45, 0.35],
      support: [0.75, 0.6, 0.97, 0.6, 0.7, 0.5],
      comments: [
        {
          by: 'knowsley',
          stance: 'for',
          after: 2,
          text: 'My daughter finishes at the Jaguar plant at ten. We pick her up every night because there is nothing else.',
          replies: [
            {
              by: 'kofi',
              after: 3,
              text: 'That is exactly who this is for. Could you say roughly how many on her shift live in Halewood?',
            },
          ],
        },
        {
          by: 'liverpool',
          stance: 'neutral',
          after: 14,
          text: 'Would a demand-responsive minibus do the job for less? It worked in a few villages elsewhere.',
          replies: [
            {
              by: 'knowsley',
              stance: 'against',
              after: 6,
              text: 'Those schemes need booking a day ahead. Shifts overrun; you cannot book a bus for a time you do not know.',
            },
          ],
        },
        {
          by: 'sefton',
          stance: 'against',
          after: 40,
          text: 'Every area wants its old route back. I would rather see a plan for the whole network than one route at a time.',
          report: {
            by: ['knowsley'],
            reason:
              'This dismisses people in Halewood as if their problem did not matter. It feels like a put-down.',
          },
        },
      ],
    },
    {
      key: 'halewood-evening',
      author: 'knowsley',
      title: 'Evening buses for Halewood and Hunts Cross',
      summary: 'Halewood has no bus after seven in the evening. Put one back.',
      body: [
        'There is no bus from town to Halewood after seven. People on late shifts are stuck. We need the evening service back.',
      ],
      stage: 'merged',
      mergeInto: 'halewood-10a',
      daysAgo: 10,
      turnout: [0.2, 0.15, 0.7, 0.15, 0.2, 0.1],
      support: [0.8, 0.7, 0.95, 0.7, 0.7, 0.6],
      comments: [
        {
          by: 'knowsley',
          stance: 'for',
          after: 5,
          text: 'Isn’t this the same as the 10A proposal? Worth putting our votes together.',
        },
      ],
    },
    {
      key: 'step-free-stops',
      author: 'halton',
      title: 'Step-free at every stop: the 50 worst first',
      summary:
        'A raised kerb, a shelter and a seat at the 50 stops disabled passengers find hardest, then every stop by 2030.',
      body: [
        { h: 'The problem' },
        'A low-floor bus does not help a wheelchair user if the kerb is too low for the ramp. Many stops have no shelter, no seat and no timetable anyone can read.',
        { h: 'What we propose' },
        {
          ol: [
            'Ask disabled passengers and their groups to name the 50 worst stops',
            'Raise the kerb, add a shelter and a seat and a spoken timetable at each within two years',
            'Publish a plan for every remaining stop by 2030',
          ],
        },
      ],
      stage: 'shortlisted',
      daysAgo: 18,
      invite: 'sean',
      turnout: [0.7, 0.75, 0.65, 0.7, 0.75, 0.7],
      support: [0.92, 0.9, 0.88, 0.9, 0.93, 0.9],
      comments: [
        {
          by: 'liverpool',
          stance: 'for',
          after: 6,
          text: 'As a wheelchair user I have let three buses go on a wet day because the ramp could not reach. This would change my week.',
        },
        {
          by: 'wirral',
          stance: 'neutral',
          after: 22,
          text: 'Who maintains the stops: the councils or Merseytravel? The proposal should say who pays.',
        },
        {
          by: 'st-helens',
          stance: 'for',
          after: 50,
          text: 'Please include the stops outside GP surgeries and the hospitals in the first 50.',
          replies: [
            {
              by: 'halton',
              after: 3,
              text: 'Good idea. I will ask the disability forum to weigh health stops more heavily.',
            },
          ],
        },
      ],
    },
    {
      key: 'carr-mill',
      author: 'st-helens',
      title: 'A bus back to Carr Mill and Moss Bank',
      summary:
        'Two St Helens estates lost their only daytime service in the last cuts. Restore an hourly route to the town centre and the hospital.',
      body: [
        'Carr Mill and Moss Bank have had no daytime bus since their route was withdrawn. Older residents now walk a mile to the nearest stop or pay for taxis to Whiston Hospital.',
        { h: 'What we propose' },
        {
          ul: [
            'An hourly daytime route from both estates to St Helens town centre and Whiston Hospital',
            'Run under contract, so it cannot be withdrawn at a month’s notice',
          ],
        },
      ],
      stage: 'forwarded',
      daysAgo: 26,
      turnout: [0.55, 0.5, 0.6, 0.95, 0.55, 0.5],
      support: [0.7, 0.7, 0.75, 0.95, 0.7, 0.65],
      comments: [
        {
          by: 'st-helens',
          stance: 'for',
          after: 4,
          text: 'My mum is 81 and lives on Moss Bank Road. She has stopped going to her hospital appointments.',
        },
        {
          by: 'wirral',
          stance: 'against',
          after: 18,
          text: 'Contracted routes cost a fortune per passenger. Fewer people will use this than the proposal hopes.',
          replies: [
            {
              by: 'sian',
              stance: 'for',
              after: 7,
              text: 'The old route was full in the mornings. It was cut because the operator wanted the buses elsewhere, not because nobody used it.',
            },
          ],
        },
      ],
    },
    {
      key: 'franchise',
      author: 'liverpool',
      title: 'Franchise the whole network, not just the fares',
      summary:
        'Take the bus network under public control: the combined authority sets routes, times and fares, and operators run them under contract.',
      body: [
        'Operators choose routes for profit. Franchising lets the city region plan one network, with one ticket and timetable, and keep routes that matter even when they do not pay.',
        { h: 'What we propose' },
        {
          ul: [
            'Start the franchising assessment in the first hundred days',
            'Protect every existing route until the first contracts start',
          ],
        },
      ],
      revision: {
        after: 40,
        note: 'Names Greater Manchester as the model and protects routes until contracts start.',
        summary:
          'Take the bus network under public control: the combined authority sets routes, times and fares, and operators run them under contract, as Greater Manchester now does.',
        body: [
          'Operators choose routes for profit. Franchising lets the city region plan one network, with one ticket and timetable, and keep routes that matter even when they do not pay.',
          { h: 'What we propose' },
          {
            ul: [
              'Start the franchising assessment in the first hundred days',
              'Protect every existing route until the first contracts start',
              'Publish the cost of each route every year, so the public can see what it pays for',
            ],
          },
        ],
      },
      stage: 'open',
      daysAgo: 6,
      turnout: [0.8, 0.7, 0.7, 0.65, 0.6, 0.75],
      support: [0.85, 0.55, 0.8, 0.6, 0.5, 0.45],
      comments: [
        {
          by: 'liverpool',
          stance: 'for',
          after: 1,
          text: 'This is the only way to get one ticket for every bus. Manchester shows it can be done.',
        },
        {
          by: 'wirral',
          stance: 'against',
          after: 8,
          text: 'Franchising takes years and costs millions before a single bus changes. Quick wins first, please.',
          replies: [
            {
              by: 'sefton',
              stance: 'neutral',
              after: 2,
              text: 'Could the quick wins (part-time tickets, the 50 stops) go ahead while the assessment runs?',
            },
            {
              by: 'liverpool',
              after: 5,
              text: 'Yes: the assessment is paperwork; nothing stops the rest meanwhile. I have added that routes are protected until then.',
            },
          ],
        },
        {
          by: 'halton',
          stance: 'neutral',
          after: 26,
          text: 'What happens to the drivers’ jobs and pensions when contracts change hands?',
        },
      ],
    },
    {
      key: 'free-buses',
      author: 'sefton',
      title: 'Free buses for everyone, everywhere',
      summary: 'Make every bus journey in the city region free at the point of use.',
      body: [
        'Make all buses free for everyone. It would get cars off the road and help everyone who is struggling.',
      ],
      stage: 'archived',
      reason:
        'Costed by members at well over what the combined authority can raise, and the campaign has made narrower promises. The cheaper, targeted ideas from this discussion are in “Part-time season tickets”.',
      daysAgo: 30,
      turnout: [0.6, 0.6, 0.6, 0.6, 0.6, 0.6],
      support: [0.55, 0.5, 0.6, 0.45, 0.5, 0.4],
      comments: [
        {
          by: 'halton',
          stance: 'against',
          after: 5,
          text: 'Lovely idea; who pays? Fares bring in hundreds of millions a year.',
        },
        {
          by: 'knowsley',
          stance: 'for',
          after: 12,
          text: 'Free for under-22s and over-60s first would be a start.',
        },
      ],
    },
    {
      key: 'hospital-screens',
      author: 'sefton',
      invite: 'wendy',
      title: 'Real-time arrival screens at hospital stops',
      summary:
        'Screens and a spoken announcement at the stops outside every hospital, so patients know when the next bus comes.',
      body: [
        'Patients leaving hospital wait in the cold with no idea when the next bus is due. A screen and a push-button announcement at each hospital stop would help people who cannot use an app.',
      ],
      stage: 'draft',
      daysAgo: 1,
    },
  ],
}
