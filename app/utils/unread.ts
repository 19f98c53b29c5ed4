// The header's unread count stops counting here: past it, the badge says "99+". Counting up
// to one more than this reads a page of index rows however many a member has unread.
export const unreadShownUpTo = 99
