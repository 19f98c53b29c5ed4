// The longest comment: said by the form's live counter, refused by the schema, and checked
// again by Postgres (comments.body).
export const COMMENT_MAX_LENGTH = 5000
