// The proposal page's comment and edit-comment intents: read the form with the shared schema,
// write through Postgres, and answer as the page expects (400 with the member's text kept, or a
// redirect to the thread that holds the comment; a new comment from a page with JavaScript is
// answered in place).
import { parseWithZod } from '@conform-to/zod/v4'
import { json, redirect } from '@remix-run/node'
import { commentSchema } from '~/utils/comment-schema'
import { createComment, editComment } from './discussion.server'
import type { RequestContext } from '~/utils/request-context.server'

export async function answerComment(
  client: RequestContext,
  {
    intent,
    formData,
    here,
  }: { intent: 'comment' | 'edit-comment'; formData: FormData; here: string },
  proposalId: string,
) {
  const formId = String(formData.get('formId') ?? 'new-comment')
  const values = {
    body: String(formData.get('body') ?? ''),
    stance: String(formData.get('stance') ?? ''),
  }
  const submission = parseWithZod(formData, { schema: commentSchema })
  if (submission.status !== 'success') {
    const commentError = Object.values(submission.error ?? {}).flat()[0] ?? 'Check your comment.'
    return json({ commentError, formId, values }, { status: 400, headers: client.headers })
  }
  const { body, stance, parentId, commentId } = submission.value
  const outcome =
    intent === 'comment'
      ? await createComment(client.supabase, {
          proposalId,
          parentId: parentId ?? null,
          body,
          stance,
        })
      : await editComment(client.supabase, commentId ?? '', { body, stance })
  if (!outcome.ok)
    return json(
      { commentError: outcome.message, formId, values },
      { status: 400, headers: client.headers },
    )
  // A reply or an edit goes back to the page holding that thread, which may not be the first.
  const shown = intent === 'edit-comment' ? commentId : parentId
  // A new comment posted by a page with JavaScript: the page reloads its data in place. A
  // redirect to #discussion-heading would be a change of hash only, which Remix's router can
  // finish without reloading (when another fetcher's reload ends during this post), and the
  // comment would not appear.
  if (!shown && formData.get('inPlace') === 'yes')
    return json({ formId }, { headers: client.headers })
  return redirect(
    shown ? `${here}?comment=${shown}#comment-${shown}` : `${here}#discussion-heading`,
    { headers: client.headers },
  )
}
