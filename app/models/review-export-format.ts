// The review exports' two formats. CSV: one row per proposal, one pair of columns per region
// ("Wirral for", "Wirral against", in the regions' order), for spreadsheets. Markdown: one
// section per proposal with every field, members' text escaped so it cannot break the
// document's structure.
import type { ReviewExport } from './review-export.server'
import { isShown, withheldText } from '~/utils/borough-tally'
import { toCsv } from '~/utils/csv'
import { longDate } from '~/utils/dates'
import { markdownBlock, markdownInline } from '~/utils/markdown'
import { decisionLabels, statusLabels } from '~/utils/proposal-statuses'

function authorList(authors: Array<{ displayName: string }>, separator: string) {
  return authors.map((a) => a.displayName).join(separator)
}

export function csvHeader(regions: ReviewExport['regions']) {
  return [
    'Title',
    'Group',
    'Authors',
    'Status',
    'Support',
    'Oppose',
    'Comments',
    ...regions.flatMap((r) => [`${r.name} for`, `${r.name} against`]),
    'Summary',
    'Full text',
    'Candidate’s decision',
    'Candidate’s explanation',
    'Answered on',
    'Proposal page',
  ]
}

export function exportCsv({ proposals, regions }: ReviewExport) {
  return toCsv([
    csvHeader(regions),
    ...proposals.map((p) => [
      p.title,
      p.group.name,
      authorList(p.authors, '; '),
      statusLabels[p.status],
      p.support,
      p.oppose,
      p.comments,
      ...p.regions.flatMap((r): Array<string | number> =>
        isShown(r) ? [r.support, r.oppose] : [withheldText(r), ''],
      ),
      p.summary,
      p.fullText,
      p.answer ? decisionLabels[p.answer.decision] : '',
      p.answer?.explanation ?? '',
      p.answer ? p.answer.respondedAt.slice(0, 10) : '',
      p.url,
    ]),
  ])
}

function boroughLine(regions: ReviewExport['proposals'][number]['regions']) {
  return regions
    .map((r) =>
      isShown(r)
        ? `${markdownInline(r.name)} ${r.support} for, ${r.oppose} against`
        : `${markdownInline(r.name)} ${withheldText(r)}`,
    )
    .join('; ')
}

function answerSection(answer: ReviewExport['proposals'][number]['answer']) {
  if (!answer) return 'Not answered yet.'
  const by = answer.responderName ? ` by ${markdownInline(answer.responderName)}` : ''
  return `**Decision: ${decisionLabels[answer.decision]}**, answered on ${longDate(answer.respondedAt)}${by}.\n\n${markdownBlock(answer.explanation)}`
}

export function exportMarkdown(
  { proposals }: ReviewExport,
  heading: { title: string; exportedAt: Date },
) {
  const intro = [
    `# ${markdownInline(heading.title)}`,
    `Exported on ${longDate(heading.exportedAt.toISOString())} from Policy Forum: ${proposals.length === 1 ? '1 proposal' : `${proposals.length} proposals`}, ranked Top first.`,
  ].join('\n\n')
  const sections = proposals.map((p, index) =>
    [
      `## ${index + 1}. ${markdownInline(p.title)}`,
      [
        `- **Group:** ${markdownInline(p.group.name)}`,
        `- **Authors:** ${markdownInline(authorList(p.authors, ', ')) || 'none listed'}`,
        `- **Status:** ${statusLabels[p.status]}`,
        `- **Support:** ${p.support} · **Oppose:** ${p.oppose} · **Comments:** ${p.comments}`,
        `- **Support by borough:** ${boroughLine(p.regions)}`,
        `- **Proposal page:** <${p.url}>`,
      ].join('\n'),
      '### Summary',
      p.summary.trim() ? markdownBlock(p.summary) : 'No summary.',
      '### Full text',
      p.fullMarkdown.trim() ? p.fullMarkdown : 'No text.',
      '### The candidate’s answer',
      answerSection(p.answer),
    ].join('\n\n'),
  )
  return `${[intro, ...sections].join('\n\n---\n\n')}\n`
}

/** "policy-forum-forwarded-buses-2026-11-22.csv": what, which group, when. */
export function exportFilename(
  status: string,
  groupSlug: string | null,
  extension: 'csv' | 'md',
  now = new Date(),
) {
  return `policy-forum-${status}-${groupSlug ?? 'all-groups'}-${now.toISOString().slice(0, 10)}.${extension}`
}
