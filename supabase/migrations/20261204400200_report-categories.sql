-- Reports say what kind of problem they are: spam, abuse, off-topic, personal data, or
-- other (which needs words). The category is stored with its flag as an enum, so nothing
-- else can be written; the words stay optional for the named kinds, and a report without
-- words keeps the category's name as its reason (the reason column stays required).

-- tables
create type public.flag_category as enum ('spam', 'abuse', 'off_topic', 'personal_data', 'other');

alter table public.flags add column category public.flag_category not null default 'other';
comment on column public.flags.category is 'What kind of problem the reporter says it is. Set by flag_content.';

-- indexes: none; the queue reads flags by content and status.

-- functions
drop function public.flag_content(text, uuid, uuid);
drop function private.flag_content(text, uuid, uuid);

create function private.flag_content(
  reason text, proposal_id uuid default null, comment_id uuid default null, category text default 'other'
)
returns public.flags
language plpgsql
security definer
set search_path = ''
as $$
declare
  flagged public.flags;
  words text := coalesce(private.trim_text(flag_content.reason), '');
  kind public.flag_category;
begin
  if auth.uid() is null then
    raise exception 'Sign in to flag content.' using errcode = '42501';
  end if;
  if flag_content.category is null
     or flag_content.category not in ('spam', 'abuse', 'off_topic', 'personal_data', 'other') then
    raise exception 'Choose what is wrong: spam, abuse, off-topic, personal data or something else.'
      using errcode = 'P0001';
  end if;
  kind := flag_content.category::public.flag_category;
  if kind = 'other' and words = '' then
    raise exception 'Say what is wrong with it, in up to 500 characters.' using errcode = 'P0001';
  end if;
  if words = '' then
    words := case kind
      when 'spam' then 'Spam'
      when 'abuse' then 'Abuse'
      when 'off_topic' then 'Off-topic'
      else 'Personal data'
    end;
  end if;
  insert into public.flags (proposal_id, comment_id, reason, category)
  values (flag_content.proposal_id, flag_content.comment_id, words, kind)
  returning * into flagged;
  return flagged;
end;
$$;

create function public.flag_content(
  reason text, proposal_id uuid default null, comment_id uuid default null, category text default 'other'
)
returns public.flags
language sql security invoker set search_path = ''
as $$ select * from private.flag_content($1, $2, $3, $4) $$;

-- grants
-- flags are read column by column (moderators-stay-private): the new column joins them.
grant select (category) on public.flags to authenticated, service_role;
revoke all on function private.flag_content(text, uuid, uuid, text) from public, anon;
grant execute on function private.flag_content(text, uuid, uuid, text) to authenticated;
revoke all on function public.flag_content(text, uuid, uuid, text) from public, anon;
grant execute on function public.flag_content(text, uuid, uuid, text) to authenticated;
