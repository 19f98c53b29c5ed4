// What every write tells the page that asked for it: it went through, or it was refused —
// with a sentence to show either way — and, where it matters, the HTTP status to
// answer with and the form field it concerns. Models return an Outcome; routes turn it into a
// flash message, a field error or a status. A Postgres refusal becomes its sentence in one
// place (outcomeOfWrite in db-errors.server.ts).

export type Outcome =
  { ok: true; message: string } | { ok: false; message: string; status?: number; field?: string }

export function succeeded(message: string) {
  return { ok: true, message } satisfies Outcome
}

export function refused(message: string, detail: { status?: number; field?: string } = {}) {
  return { ok: false, message, ...detail } satisfies Outcome
}
