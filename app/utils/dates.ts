// Dates as members read them: "3 days ago", "12 March 2027".
const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

// Made once: building an Intl formatter costs far more than using one, and a page formats
// a date for every card and comment.
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' })
const long = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
})

export function timeAgo(iso: string, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000)
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit)
  }
  return 'just now'
}

const withTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
})

export function longDate(iso: string) {
  return long.format(new Date(iso))
}

/** "2 Dec 2026, 18:40", London time: when something was done, in a log. */
export function dateAndTime(iso: string) {
  return withTime.format(new Date(iso))
}
