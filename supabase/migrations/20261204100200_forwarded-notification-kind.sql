-- A notification kind for the candidate: proposals forwarded to them (its own migration: a new
-- enum value cannot be used in the transaction that adds it).
alter type public.notification_kind add value if not exists 'proposal_forwarded';
