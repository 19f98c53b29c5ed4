-- Better proposals (issue 19, item 7): a proposal goes out for discussion only when it says
-- what it proposes. A draft may be anything while it is written; to publish it needs a summary
-- of at least 20 characters (one sentence, shown in every list) and a text of at least 100
-- (about two sentences). A two-word proposal with no summary is refused with a sentence that
-- says what is missing. The pages say the same before the round trip
-- (app/editor/document.ts: SUMMARY_PUBLISH_MIN, BODY_PUBLISH_MIN).

-- functions
create function private.require_publishable() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.status = 'draft' and new.status <> 'draft' then
    if char_length(btrim(new.summary)) < 20 then
      raise exception 'Before you publish, write a summary of at least 20 characters: one sentence that says what you propose.'
        using errcode = 'P0001';
    end if;
    if char_length(new.body_text) < 100 then
      raise exception 'Before you publish, say a little more in the proposal itself: at least 100 characters (about two sentences).'
        using errcode = 'P0001';
    end if;
  end if;
  return new;
end;
$$;

-- triggers
create trigger proposals_require_publishable
  before update of status on public.proposals
  for each row execute function private.require_publishable();

-- grants
revoke all on function private.require_publishable() from public, anon, authenticated;
