// Bridge and tunnel tolls: removing the tolls that divide the region (a quick win).
import type { GroupStory } from '../story'

export const tolls: GroupStory = {
  slug: 'tolls',
  proposals: [
    {
      key: 'residents-first',
      author: 'wirral',
      coauthors: ['wendy'],
      title: 'Scrap the tunnel tolls for residents first, then for everyone',
      summary:
        'Free Mersey tunnel crossings for city-region residents in year one, and for all traffic once the replacement income is agreed.',
      body: [
        { h: 'The problem' },
        'A daily commuter through the tunnels pays hundreds of pounds a year. It keeps workers, families and customers on either side of the river apart.',
        { h: 'What we propose' },
        {
          ol: [
            'Year one: free crossings for every registered resident of the six boroughs',
            'Year two: free for all traffic, once the replacement income is agreed',
            'Publish what each step costs and who gains, borough by borough',
          ],
        },
      ],
      stage: 'adopted',
      daysAgo: 38,
      turnout: [0.8, 0.7, 0.7, 0.65, 0.8, 0.95],
      support: [0.8, 0.75, 0.75, 0.7, 0.85, 0.97],
      votes: { lena: 1, wendy: 1, harry: 1, kofi: 1 },
      answer:
        'Adopted. Free tunnel crossings for residents of the city region will be in my first budget, and I will set out the plan to end the tolls for everyone, with the sums, before the end of my first year.',
      comments: [
        {
          by: 'wirral',
          stance: 'for',
          after: 1,
          text: 'I pay over £800 a year to get to work in town. This is the promise that matters most on our side of the water.',
        },
        {
          by: 'liverpool',
          stance: 'against',
          after: 9,
          text: 'Free tunnels mean more cars in the city centre. What about air quality?',
          replies: [
            {
              by: 'wendy',
              after: 3,
              text: 'The proposal pairs it with the bus plans: the tunnel buses get faster when tolls go, too.',
            },
            {
              by: 'halton',
              stance: 'for',
              after: 6,
              text: 'And traffic already queues round Runcorn to avoid the tolls. Removing them spreads it out.',
            },
          ],
        },
        {
          by: 'sefton',
          stance: 'neutral',
          after: 24,
          text: 'How do you prove you are a resident? Please keep it simple, with no extra app.',
        },
      ],
    },
    {
      key: 'treasury-deal',
      author: 'liverpool',
      title: 'Replace the toll income with a fair deal from the Treasury',
      summary:
        'The tunnels’ debts are paid off; make the case to government that the crossings should be funded like any other main road.',
      body: [
        'No other major road crossing in the north charges locals every day. The tunnels should be funded like the rest of the road network.',
      ],
      stage: 'shortlisted',
      daysAgo: 13,
      turnout: [0.7, 0.65, 0.65, 0.6, 0.7, 0.8],
      support: [0.8, 0.75, 0.75, 0.7, 0.8, 0.9],
      comments: [
        {
          by: 'knowsley',
          stance: 'for',
          after: 5,
          text: 'Other tolled estuary crossings have been made free before. The precedent exists.',
        },
        {
          by: 'wirral',
          stance: 'neutral',
          after: 14,
          text: 'Has anyone checked whether the tunnels’ debts are really paid off? The proposal should link the accounts.',
          replies: [
            {
              by: 'tariq',
              after: 5,
              text: 'As facilitator: that is what “Publish the tunnels’ accounts” asks for. Until then, please do not post figures without a source.',
              report: {
                by: ['wirral'],
                reason: 'A facilitator using the thread to shut down questions about the debts.',
              },
            },
          ],
        },
      ],
    },
    {
      key: 'shift-workers',
      author: 'wirral',
      invite: 'harry',
      title: 'Toll-free nights for shift workers',
      summary:
        'No tolls between 10pm and 6am, as a first step that helps night-shift workers at once.',
      body: [
        'Night-shift workers at the hospitals and the port cross when the tunnels are nearly empty. Making the night free costs little and helps them now.',
      ],
      stage: 'open',
      daysAgo: 3,
      turnout: [0.55, 0.5, 0.5, 0.5, 0.7, 0.85],
      support: [0.7, 0.65, 0.7, 0.65, 0.85, 0.95],
      comments: [
        {
          by: 'wirral',
          stance: 'for',
          after: 2,
          text: 'I cross at 6am five days a week for the early shift at the Royal. This would save me £400 a year.',
        },
        {
          by: 'st-helens',
          stance: 'against',
          after: 10,
          text: 'A half measure. If the promise is to scrap them, scrap them.',
          replies: [
            {
              by: 'wirral',
              after: 2,
              text: 'It is a first step while the full plan is agreed, not instead of it.',
            },
          ],
        },
        {
          by: 'halton',
          stance: 'neutral',
          after: 18,
          text: 'Would the Mersey Gateway bridge be included, or only the tunnels?',
        },
      ],
    },
    {
      key: 'tunnel-accounts',
      author: 'halton',
      title: 'Publish the tunnels’ accounts every year, in plain English',
      summary: 'What the tolls raise, what the tunnels cost to run and where the difference goes.',
      body: [
        'Nobody can say what the tolls pay for. A yearly plain-English account would settle the argument with facts.',
      ],
      stage: 'open',
      daysAgo: 11,
      turnout: [0.6, 0.55, 0.55, 0.55, 0.6, 0.65],
      support: [0.85, 0.8, 0.8, 0.8, 0.85, 0.9],
      comments: [
        {
          by: 'liverpool',
          stance: 'for',
          after: 6,
          text: 'Yes. And the bridge’s accounts too, not only the tunnels.',
          report: {
            by: ['halton'],
            reason: 'Repeats what the proposal already says; it is cluttering the thread.',
          },
        },
        {
          by: 'sefton',
          stance: 'against',
          after: 14,
          text: 'Accounts will not change anyone’s mind. The promise is to scrap the tolls; spend the effort on that.',
          replies: [
            {
              by: 'halton',
              after: 2,
              text: 'The accounts are how we show the Treasury deal is fair. Facts first, then the ask.',
            },
          ],
        },
        {
          by: 'knowsley',
          stance: 'neutral',
          after: 30,
          text: 'Plain English, please, and a one-page summary. The last annual report ran to ninety pages.',
        },
      ],
    },
    {
      key: 'vans',
      author: 'knowsley',
      title: 'Toll-free crossings for small firms’ vans while the tolls remain',
      summary:
        'Sole traders and firms with fewer than ten staff cross free for work, so a plumber in Huyton can take a job in Birkenhead.',
      body: [
        'Small traders price the toll into every job across the river, or turn the work down. Until the tolls go for everyone, their work vans should cross free.',
        {
          ul: [
            'Registered work vans of firms with fewer than ten staff',
            'Checked once a year, like the residents’ scheme',
          ],
        },
      ],
      stage: 'forwarded',
      daysAgo: 21,
      turnout: [0.6, 0.55, 0.7, 0.6, 0.6, 0.75],
      support: [0.6, 0.6, 0.8, 0.65, 0.6, 0.85],
      comments: [
        {
          by: 'knowsley',
          stance: 'for',
          after: 3,
          text: 'I am an electrician in Prescot and I add £10 to any Wirral job. Customers notice.',
        },
        {
          by: 'liverpool',
          stance: 'against',
          after: 15,
          text: 'Why vans before nurses? Residents first, as the adopted proposal says.',
        },
      ],
    },
  ],
}
