// The lengths the console's texts may have, shared by its forms (live counts) and its action
// (refused when longer, with the text kept). Postgres checks the same limits.
export const consoleTextLimits = { note: 1000, reason: 2000, hideReason: 500, coverNote: 2000 }
