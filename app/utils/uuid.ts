// What an id in an address or a form must look like before it is sent to Postgres, so that a
// mistyped or hostile one is a 404 or an ignored filter, never a database error.
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
