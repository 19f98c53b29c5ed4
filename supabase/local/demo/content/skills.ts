// Skills: training for out-of-work residents, the apprenticeship levy, one table for city
// hall, employers and colleges (strategic).
import type { GroupStory } from '../story'

export const skills: GroupStory = {
  slug: 'skills',
  proposals: [
    {
      key: 'levy-pool',
      author: 'knowsley',
      coauthors: ['liverpool'],
      title: 'Spend the levy here: a city-region levy pool for small firms',
      summary:
        'Large employers pass their unspent apprenticeship levy to a city-region pool that pays for apprentices in small local firms.',
      body: [
        { h: 'The problem' },
        'Big employers pay the apprenticeship levy but many cannot spend it all, and what they do not spend goes back to the Treasury. Small firms, who would take apprentices, cannot afford the training.',
        { h: 'What we propose' },
        {
          ol: [
            'City hall asks the region’s 50 largest levy payers to pledge their unspent levy to one pool',
            'The pool pays for apprenticeships in firms with fewer than 50 staff, here',
            'A yearly report of pledges, starts and completions, borough by borough',
          ],
        },
      ],
      stage: 'considering',
      daysAgo: 32,
      turnout: [0.8, 0.7, 0.85, 0.7, 0.75, 0.7],
      support: [0.85, 0.8, 0.9, 0.8, 0.85, 0.75],
      votes: { lena: 1, kofi: 1, wendy: 1 },
      answer:
        'Under consideration. I like this and want to do it, but pledges depend on the employers, and the rules on transfers may change. My team will meet the ten largest levy payers before I commit, and I will report back here within three months.',
      comments: [
        {
          by: 'sefton',
          stance: 'for',
          after: 3,
          text: 'I run a small joinery firm in Bootle. We would take two apprentices tomorrow if the training were paid for.',
        },
        {
          by: 'wirral',
          stance: 'neutral',
          after: 12,
          text: 'Levy transfers are capped at a share of what each employer pays. Has anyone worked out how much the pool could really hold?',
          replies: [
            {
              by: 'knowsley',
              after: 5,
              text: 'A rough count from the big payers’ own reports says a few million a year. Enough for hundreds of starts.',
            },
          ],
        },
        {
          by: 'halton',
          stance: 'against',
          after: 28,
          text: 'Employers will pledge and then quietly spend it themselves. Without a deadline this is a press release, not a policy.',
          replies: [
            {
              by: 'liverpool',
              stance: 'for',
              after: 8,
              text: 'Fair: the yearly report is there so everyone can see who kept their pledge.',
            },
          ],
        },
      ],
    },
    {
      key: 'retraining-six-months',
      author: 'liverpool',
      title: 'Free retraining for anyone out of work for six months',
      summary:
        'A guaranteed, paid place on a course that leads to a named job, for every resident out of work for six months or more.',
      body: [
        'Long-term unemployment is hardest to escape. A course alone does not help: it has to lead to an interview with an employer who is hiring.',
        { h: 'What we propose' },
        {
          ul: [
            'A place within four weeks of asking',
            'Travel and childcare paid while training',
            'A guaranteed interview with a partner employer at the end',
          ],
        },
      ],
      stage: 'forwarded',
      daysAgo: 22,
      turnout: [0.75, 0.7, 0.8, 0.7, 0.7, 0.65],
      support: [0.9, 0.8, 0.92, 0.85, 0.8, 0.7],
      comments: [
        {
          by: 'knowsley',
          stance: 'for',
          after: 2,
          text: 'The childcare is what makes it possible. Without it I could not have done my course last year.',
        },
        {
          by: 'sefton',
          stance: 'neutral',
          after: 16,
          text: 'Which employers have said yes to the interviews? Naming two or three would make this far stronger.',
        },
      ],
    },
    {
      key: 'jobs-board',
      author: 'st-helens',
      title: 'One table: a jobs and skills board for the city region',
      summary:
        'City hall, the colleges and the biggest employers meet every quarter to match courses to the jobs that exist.',
      body: [
        'Colleges plan courses years ahead, employers hire for next month, and nobody brings them together. A standing board, chaired by the mayor, would.',
        {
          ul: [
            'Quarterly, in public, with minutes published',
            'Employers say what they will hire for; colleges what they will teach',
          ],
        },
      ],
      stage: 'shortlisted',
      daysAgo: 14,
      turnout: [0.7, 0.65, 0.7, 0.75, 0.65, 0.6],
      support: [0.8, 0.75, 0.78, 0.85, 0.7, 0.72],
      comments: [
        {
          by: 'halton',
          stance: 'for',
          after: 4,
          text: 'Include the logistics firms round the Mersey Gateway: they are crying out for drivers and engineers.',
        },
        {
          by: 'liverpool',
          stance: 'against',
          after: 20,
          text: 'We have had boards before. What makes this one different from the last three? Same faces, same lunches, no jobs.',
          report: {
            by: ['st-helens'],
            reason:
              'Sneers at the people who sit on the board rather than saying what should change.',
          },
        },
      ],
    },
    {
      key: 'evening-courses',
      author: 'wirral',
      title: 'Evening and weekend courses for people already in work',
      summary:
        'Colleges open in the evenings and at weekends, so people in low-paid work can retrain without giving up their wage.',
      body: [
        'Most adult courses run in the day. People on low wages cannot give up shifts to study. Colleges should run the most-wanted courses after six and on Saturdays.',
      ],
      stage: 'open',
      daysAgo: 8,
      turnout: [0.6, 0.6, 0.55, 0.6, 0.55, 0.8],
      support: [0.8, 0.75, 0.7, 0.8, 0.75, 0.9],
      comments: [
        {
          by: 'wirral',
          stance: 'for',
          after: 2,
          text: 'Wirral Met used to run evening courses in Birkenhead; they were always full.',
        },
        {
          by: 'st-helens',
          stance: 'neutral',
          after: 9,
          text: 'Online courses with one evening a week in person might reach more people.',
        },
        {
          by: 'sefton',
          stance: 'against',
          after: 20,
          text: 'Colleges cannot staff the day courses they have. Evening tutors cost more, and the proposal does not say who pays.',
          replies: [
            {
              by: 'wirral',
              after: 4,
              text: 'The levy pool could: evening apprenticeships are still apprenticeships.',
            },
          ],
        },
      ],
    },
    {
      key: 'library-digital',
      author: 'sefton',
      title: 'Digital skills sessions in every library',
      summary:
        'Free, weekly help with job applications, online forms and basic computer skills in every public library.',
      body: [
        'Nearly every job application is online now, and so is Universal Credit. People without digital skills are shut out of both.',
        {
          ul: [
            'A weekly drop-in session in every library',
            'Trained volunteers and library staff, paid for by the combined authority',
          ],
        },
      ],
      stage: 'open',
      daysAgo: 5,
      turnout: [0.55, 0.7, 0.55, 0.5, 0.55, 0.5],
      support: [0.75, 0.85, 0.7, 0.7, 0.7, 0.65],
      comments: [
        {
          by: 'knowsley',
          stance: 'against',
          after: 3,
          text: 'Anyone who needs a course to use a computer in 2026 is too lazy to work. Stop wasting our money on these people.',
          replies: [
            {
              by: 'sefton',
              after: 1,
              text: 'My dad is 63, worked 40 years on the docks and had never needed a computer until his job went. He is not lazy.',
            },
          ],
          report: {
            by: ['sefton', 'liverpool'],
            reason: 'Insults the people the proposal is meant to help.',
            hide: 'it attacks people out of work rather than the proposal. Say what you think of the idea, not of the people it would help.',
          },
        },
        {
          by: 'liverpool',
          stance: 'for',
          after: 10,
          text: 'Libraries are already where people go for this. Paying for it properly is the point.',
        },
        {
          by: 'halton',
          stance: 'neutral',
          after: 26,
          text: 'Could the colleges’ students volunteer as part of their course?',
        },
      ],
    },
    {
      key: 'green-skills',
      author: 'halton',
      invite: 'lena',
      title: 'Green skills: retrofit apprenticeships for the housing programme',
      summary:
        'Train local people to insulate and retrofit the region’s homes, tied to the housing group’s repair plans.',
      body: [
        'Every home that needs insulating needs someone to insulate it. The region should train its own retrofit workers rather than bring them in.',
      ],
      stage: 'draft',
      daysAgo: 2,
    },
  ],
}
