// What every write tells the page that asked for it: it went through, or it was refused —
// with a sentence to show either way — and, where it matters, the HTTP status to answer with
// and the form field it concerns; a write that creates something also hands back what the
// page needs of it (the new row's id). Models return an Outcome; routes turn it into a flash
// message, a field error or a status. A Postgres refusal becomes its sentence in one place
// (outcomeOfWrite and refusedByDb in db-errors.server.ts).

/** A refusal: what to tell the member, and where it matters the status and the form field. */
export type Refusal = { ok: false; message: string; status?: number; field?: string }

/** `T`: what a write that went through hands back, if anything. */
export type Outcome<T = undefined> =
  ({ ok: true; message: string } & ([T] extends [undefined] ? unknown : { value: T })) | Refusal

export function succeeded(message: string) {
  return { ok: true, message } satisfies Outcome
}

export function succeededWith<T>(message: string, value: T) {
  return { ok: true as const, message, value }
}

export function refused(message: string, detail: { status?: number; field?: string } = {}) {
  return { ok: false, message, ...detail } satisfies Refusal
}
