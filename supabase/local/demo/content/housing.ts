// Housing: an end to poor-quality housing, healthy places to live (strategic).
import type { GroupStory } from '../story'

export const housing: GroupStory = {
  slug: 'housing',
  proposals: [
    {
      key: 'damp-fund',
      author: 'halton',
      title: 'A damp and mould repair fund for owners who cannot afford it',
      summary:
        'Grants and interest-free loans for low-income owners and small landlords to fix damp and mould, starting with homes where children live.',
      body: [
        { h: 'The problem' },
        'Damp and mould make children ill, and many owners on low incomes cannot pay for the repairs. The homes get worse every winter.',
        { h: 'What we propose' },
        {
          ul: [
            'Grants for owners on low incomes, loans repaid on sale for others',
            'Homes with children or anyone with a lung condition first',
            'Work done by accredited local firms, checked afterwards',
          ],
        },
      ],
      stage: 'considering',
      daysAgo: 30,
      turnout: [0.75, 0.7, 0.75, 0.7, 0.85, 0.7],
      support: [0.88, 0.85, 0.9, 0.85, 0.92, 0.8],
      votes: { harry: 1, sean: 1 },
      answer:
        'Under consideration. The need is beyond doubt; the money is the question. I have asked the combined authority’s officers to cost a first round for homes with children, and I will say here by the spring whether it can start in my first budget.',
      comments: [
        {
          by: 'halton',
          stance: 'for',
          after: 2,
          text: 'Our health visitor sees the same families every winter with the same chest infections. Fix the homes.',
        },
        {
          by: 'wirral',
          stance: 'against',
          after: 16,
          text: 'Why should public money go to landlords? They should be made to fix their own properties.',
          replies: [
            {
              by: 'harry',
              after: 4,
              text: 'Landlords are in the licensing proposal. This one is for owner-occupiers on low incomes, mostly pensioners.',
            },
          ],
        },
        {
          by: 'sefton',
          stance: 'neutral',
          after: 30,
          text: 'Could the retrofit apprenticeships the skills group is drafting do the work?',
        },
      ],
    },
    {
      key: 'landlord-licensing',
      author: 'liverpool',
      coauthors: ['harry'],
      title: 'Licence every private landlord, borough by borough',
      summary:
        'A licensing scheme for private rented homes in every borough, with inspections and the power to fine landlords who let unsafe homes.',
      body: [
        'Liverpool’s licensing scheme found thousands of homes with serious hazards. Other boroughs have nothing like it.',
        { h: 'What we propose' },
        {
          ol: [
            'The mayor backs each borough in applying for a scheme',
            'A shared inspection team across the region',
          ],
        },
      ],
      revision: {
        after: 50,
        by: 'harry',
        note: 'Adds fines that pay for the inspections and a public register for tenants.',
        body: [
          'Liverpool’s licensing scheme found thousands of homes with serious hazards. Other boroughs have nothing like it.',
          { h: 'What we propose' },
          {
            ol: [
              'The mayor backs each borough in applying for a scheme',
              'A shared inspection team across the region',
              'Fines paid back into the inspections, so the scheme pays for itself',
              'A public register, so tenants can check a licence before they sign',
            ],
          },
        ],
      },
      stage: 'forwarded',
      daysAgo: 20,
      turnout: [0.8, 0.65, 0.7, 0.65, 0.75, 0.6],
      support: [0.9, 0.7, 0.8, 0.7, 0.85, 0.6],
      comments: [
        {
          by: 'liverpool',
          stance: 'for',
          after: 3,
          text: 'I rented a flat in Kensington with black mould on every wall. The licence inspection got it fixed in a month.',
        },
        {
          by: 'wirral',
          stance: 'against',
          after: 10,
          text: 'Good landlords will pay the fee and pass it on in rent. The bad ones will ignore it.',
        },
        {
          by: 'knowsley',
          stance: 'neutral',
          after: 22,
          text: 'A public register is a great addition. Can it show complaints too?',
        },
      ],
    },
    {
      key: 'licensing-duplicate',
      author: 'st-helens',
      title: 'Landlord licensing for St Helens',
      summary: 'St Helens needs the same landlord licensing Liverpool has.',
      body: [
        'Private renters in St Helens have no protection like Liverpool’s licensing scheme. We should have one.',
      ],
      stage: 'merged',
      mergeInto: 'landlord-licensing',
      daysAgo: 18,
      turnout: [0.2, 0.2, 0.2, 0.7, 0.2, 0.15],
      support: [0.8, 0.7, 0.7, 0.9, 0.8, 0.6],
    },
    {
      key: 'green-space',
      author: 'knowsley',
      title: 'A green space within ten minutes’ walk of every home',
      summary:
        'Map every home more than ten minutes from a park or green space, and fix the worst gaps first.',
      body: [
        'Green space is good for health, but it is not fairly shared. Some estates have none within a mile.',
        'The combined authority already holds the land registers: start with a map, then a budget for the worst ten gaps.',
      ],
      stage: 'open',
      daysAgo: 9,
      turnout: [0.6, 0.65, 0.7, 0.6, 0.6, 0.65],
      support: [0.8, 0.85, 0.85, 0.75, 0.8, 0.85],
      comments: [
        {
          by: 'knowsley',
          stance: 'for',
          after: 4,
          text: 'Kirkby has fields but they are fenced off. Opening what is there would be a quick start.',
        },
        {
          by: 'liverpool',
          stance: 'neutral',
          after: 11,
          text: 'Ten minutes for whom? A ten-minute walk for me is twenty-five for my neighbour with a frame.',
          report: {
            by: ['wirral'],
            reason: 'Off topic, and sounds like it is making fun of disabled people.',
          },
        },
        {
          by: 'halton',
          stance: 'against',
          after: 25,
          text: 'A map will not plant a single tree. Councils already know where the gaps are; they lack the money to fill them.',
          replies: [
            {
              by: 'knowsley',
              stance: 'for',
              after: 3,
              text: 'Then the map shows the mayor where the money should go first. That is the point of it.',
            },
          ],
        },
      ],
    },
    {
      key: 'clean-air-schools',
      author: 'sefton',
      title: 'Clean air outside every primary school',
      summary:
        'School streets closed to through traffic at drop-off and pick-up, starting with the schools on the most polluted roads.',
      body: [
        'Children breathe the worst air of the day at the school gate. School streets work and cost little.',
        'Councils choose the streets; the combined authority pays for the signs, the cameras and the first year of wardens.',
      ],
      stage: 'shortlisted',
      daysAgo: 15,
      turnout: [0.65, 0.75, 0.6, 0.6, 0.65, 0.6],
      support: [0.8, 0.85, 0.75, 0.7, 0.75, 0.7],
      comments: [
        {
          by: 'sefton',
          stance: 'for',
          after: 5,
          text: 'Our school on the A565 tried it for a term. Parents were sceptical and then loved it.',
        },
        {
          by: 'halton',
          stance: 'against',
          after: 20,
          text: 'Residents on those streets will be furious if they cannot get to their own homes.',
        },
      ],
    },
    {
      key: 'rent-controls',
      author: 'wirral',
      title: 'Rent controls across the city region',
      summary: 'Cap private rents in every borough.',
      body: [
        'Rents are rising faster than wages. The mayor should cap them.',
        'Families are moving out of the boroughs they grew up in because a two-bedroom flat now costs half a wage.',
      ],
      stage: 'archived',
      reason:
        'The mayor has no power to set rents, so this could not be done by the office the candidate is standing for. The group is working on what the mayor can do instead: licensing and repairs.',
      daysAgo: 28,
      turnout: [0.6, 0.55, 0.6, 0.55, 0.6, 0.65],
      support: [0.6, 0.55, 0.6, 0.5, 0.55, 0.7],
      comments: [
        {
          by: 'halton',
          stance: 'neutral',
          after: 6,
          text: 'Rent controls need an Act of Parliament. Worth lobbying for, but it is not a mayoral power.',
        },
      ],
    },
  ],
}
