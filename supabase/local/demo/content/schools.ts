// Schools: performance where it is weakest, qualifications for every school leaver
// (long-term vision; members join by request).
import type { GroupStory } from '../story'

export const schools: GroupStory = {
  slug: 'schools',
  proposals: [
    {
      key: 'exam-board',
      author: 'liverpool',
      title: 'A city-region exam board for school leavers',
      summary:
        'Our own qualification for 16-year-olds, designed with local employers, alongside GCSEs.',
      body: [
        'Too many school leavers finish with grades that employers here do not understand or value. A city-region certificate, designed with employers, would show what each young person can do.',
        {
          ul: ['Set and marked locally', 'Recognised by the region’s main employers and colleges'],
        },
      ],
      stage: 'declined',
      daysAgo: 36,
      turnout: [0.7, 0.6, 0.65, 0.6, 0.6, 0.55],
      support: [0.6, 0.5, 0.55, 0.45, 0.5, 0.4],
      votes: { lena: 1 },
      answer:
        'Not taken forward. Qualifications are set nationally, and a local certificate would risk being worth less outside the region, to the very young people we want to help. What I will do instead is back the named next step for every school leaver, which is with me now.',
      comments: [
        {
          by: 'st-helens',
          stance: 'against',
          after: 5,
          text: 'A local certificate will look second-rate to any employer outside Merseyside. Our kids deserve the same currency as everyone.',
        },
        {
          by: 'liverpool',
          stance: 'for',
          after: 11,
          text: 'It would sit alongside GCSEs, not replace them. The point is to show skills that exams miss.',
          replies: [
            {
              by: 'sefton',
              stance: 'neutral',
              after: 6,
              text: 'Then the employers have to commit to using it, or it is just more paper.',
            },
          ],
        },
      ],
    },
    {
      key: 'next-step',
      author: 'st-helens',
      coauthors: ['sian'],
      title: 'A named next step for every school leaver',
      summary:
        'No one leaves school at 16 without a named place: college, an apprenticeship or a job with training.',
      body: [
        { h: 'The problem' },
        'Each year hundreds of young people in the region leave school with no place to go to, and many are not in work or training a year later.',
        { h: 'What we propose' },
        {
          ol: [
            'Every Year 11 pupil has a named adviser from January',
            'By results day, each has a place offered by a college, an employer or a training provider',
            'Anyone who drops out in the first year is contacted within a month',
          ],
        },
      ],
      stage: 'forwarded',
      daysAgo: 24,
      turnout: [0.75, 0.7, 0.75, 0.8, 0.7, 0.7],
      support: [0.9, 0.85, 0.9, 0.92, 0.85, 0.85],
      comments: [
        {
          by: 'knowsley',
          stance: 'for',
          after: 3,
          text: 'My son fell through the gap at 16. Someone calling after a month would have caught him.',
        },
        {
          by: 'wirral',
          stance: 'neutral',
          after: 14,
          text: 'Who employs the advisers: the schools, the councils or the combined authority?',
        },
      ],
    },
    {
      key: 'school-partnerships',
      author: 'halton',
      title: 'Pair the strongest and weakest secondary schools',
      summary:
        'Each struggling secondary school is paired with a strong one nearby, sharing teachers, training and leadership.',
      body: [
        'Partnerships like this lifted results in London. The mayor can broker the pairs and fund teacher time, even without running the schools.',
      ],
      stage: 'shortlisted',
      daysAgo: 16,
      turnout: [0.65, 0.6, 0.7, 0.65, 0.7, 0.6],
      support: [0.75, 0.7, 0.8, 0.75, 0.8, 0.7],
      comments: [
        {
          by: 'sefton',
          stance: 'for',
          after: 6,
          text: 'I teach in one of the schools that would be paired. We would welcome it if it came with time, not just meetings.',
        },
        {
          by: 'liverpool',
          stance: 'against',
          after: 18,
          text: 'The strong schools’ heads will say no unless it costs them nothing.',
        },
      ],
    },
    {
      key: 'breakfast-clubs',
      author: 'knowsley',
      title: 'Breakfast clubs in every primary school in the most deprived wards',
      summary: 'A free breakfast before lessons, so no child starts the school day hungry.',
      body: [
        'Teachers tell us children arrive too hungry to learn. A free breakfast club costs little and makes the whole morning count.',
      ],
      stage: 'open',
      daysAgo: 7,
      turnout: [0.7, 0.6, 0.8, 0.65, 0.7, 0.6],
      support: [0.95, 0.9, 0.95, 0.9, 0.92, 0.88],
      comments: [
        {
          by: 'st-helens',
          stance: 'for',
          after: 2,
          text: 'Our school runs one on donations. It is the most valuable half hour of the day.',
        },
        {
          by: 'halton',
          stance: 'neutral',
          after: 15,
          text: 'Some schools already get national funding for this. The proposal should fill the gaps, not duplicate.',
        },
        {
          by: 'liverpool',
          stance: 'against',
          after: 30,
          text: 'Feeding children is the government’s job, not the mayor’s. Every pound here is a pound not spent on the schools themselves.',
          replies: [
            {
              by: 'knowsley',
              after: 5,
              text: 'The mayor can convene the schools and the food banks and find the money for the gaps. Nobody is asking city hall to cook.',
            },
          ],
        },
      ],
    },
    {
      key: 'college-travel',
      author: 'wirral',
      title: 'Free travel to college for 16 to 18 year olds',
      summary:
        'Young people in education or training travel free on buses and trains in the city region.',
      body: [
        'The cost of getting to college decides where many young people study, or whether they go at all. Free travel would open up every course to every borough.',
      ],
      stage: 'open',
      daysAgo: 4,
      turnout: [0.6, 0.55, 0.6, 0.6, 0.55, 0.85],
      support: [0.7, 0.75, 0.7, 0.7, 0.75, 0.95],
      comments: [
        {
          by: 'wirral',
          stance: 'for',
          after: 3,
          text: 'From West Kirby to the nearest engineering course is two buses and a train. It costs more than my daughter earns at her Saturday job.',
          report: {
            by: ['sefton'],
            reason:
              'Names a young person’s school and Saturday job: too much personal detail in public.',
          },
        },
        {
          by: 'liverpool',
          stance: 'against',
          after: 12,
          text: 'This belongs in the buses group, and it is not cheap. Let the buses group cost it.',
        },
        {
          by: 'halton',
          stance: 'neutral',
          after: 20,
          text: 'Does it cover apprentices and trainees as well as college students? They earn very little in the first year.',
        },
      ],
    },
    {
      key: 'reading-recovery',
      author: 'st-helens',
      invite: 'sian',
      title: 'Summer reading schools where results are lowest',
      summary:
        'Free summer reading programmes for children leaving primary school below the expected reading level.',
      body: [
        'Children who cannot read well at 11 fall further behind at secondary school. A summer of reading, with trained tutors, could close part of the gap.',
      ],
      stage: 'draft',
      daysAgo: 1.5,
    },
  ],
}
