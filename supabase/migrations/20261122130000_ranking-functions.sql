-- The ranking maths for proposals, for the triggers that keep the stored, indexed scores
-- current. The same formulas live in app/utils/ranking.ts (where the reasoning is written
-- down); tests/db/ranking-sql.test.ts proves the two agree, so change both together.

-- functions

-- Top: the lower bound of the 95% Wilson score interval for the share of support.
-- Counts are summed as double precision so that two large integer counts cannot overflow.
-- Null in, null out (strict), so an unknown tally is never ranked as zero.
create or replace function private.wilson_lower_bound(support integer, oppose integer)
returns double precision
language plpgsql
immutable
strict
parallel safe
set search_path = ''
as $$
declare
  z constant double precision := 1.96;
  z2 constant double precision := z * z;
  n double precision := support::double precision + oppose;
  share double precision;
begin
  if support < 0 or oppose < 0 then
    raise exception 'Vote counts must be whole numbers from 0: got %, %', support, oppose
      using errcode = 'invalid_parameter_value';
  end if;
  if n = 0 then
    return 0;
  end if;
  share := support / n;
  -- All-oppose is exactly 0 in real arithmetic; rounding can land a hair below it.
  return greatest(
    0,
    (share + z2 / (2 * n) - z * sqrt((share * (1 - share) + z2 / (4 * n)) / n)) / (1 + z2 / n)
  );
end;
$$;

-- Rising: log-scaled net support plus recency since 2026-01-01 UTC, 45000 s (12.5 hours)
-- per tenfold net support. The epoch is taken from an interval rather than
-- extract(epoch from timestamptz), which is only stable, so the function is truly immutable.
-- Strict: a proposal never published (published_at null) has no hot score.
create or replace function private.hot_score(support integer, oppose integer, published_at timestamptz)
returns double precision
language plpgsql
immutable
strict
parallel safe
set search_path = ''
as $$
declare
  net double precision := support::double precision - oppose;
  magnitude double precision := log(greatest(abs(net), 1));
  seconds double precision :=
    extract(epoch from published_at - timestamptz '2026-01-01T00:00:00Z')::double precision;
begin
  if support < 0 or oppose < 0 then
    raise exception 'Vote counts must be whole numbers from 0: got %, %', support, oppose
      using errcode = 'invalid_parameter_value';
  end if;
  return sign(net) * magnitude + seconds / 45000;
end;
$$;

-- Unites the region: the mean over all borough_count boroughs of each borough's Wilson lower
-- bound; boroughs without votes may be left out of the arrays and count as 0. The arrays hold
-- per-borough tallies in the same order, and only boroughs (regions.is_borough). Null arrays
-- count as empty, because array_agg over no votes yields null, not an empty array.
create or replace function private.cross_borough_score(
  support integer[],
  oppose integer[],
  borough_count integer
)
returns double precision
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  tally_count integer := coalesce(cardinality(support), 0);
  total double precision := 0;
  tally record;
begin
  if tally_count <> coalesce(cardinality(oppose), 0) then
    raise exception 'support and oppose must have one entry per borough: got % and %',
      tally_count, coalesce(cardinality(oppose), 0)
      using errcode = 'invalid_parameter_value';
  end if;
  if borough_count is null or borough_count < tally_count then
    raise exception 'borough_count must be at least %: got %', tally_count, borough_count
      using errcode = 'invalid_parameter_value';
  end if;
  if borough_count = 0 then
    return 0;
  end if;
  -- Summed in array order, as app/utils/ranking.ts does, so both round alike.
  for tally in
    select s, o from unnest(support, oppose) with ordinality as t(s, o, i) order by i
  loop
    if tally.s is null or tally.o is null then
      raise exception 'Borough tallies must not be null'
        using errcode = 'invalid_parameter_value';
    end if;
    total := total + private.wilson_lower_bound(tally.s, tally.o);
  end loop;
  return total / borough_count;
end;
$$;

-- grants
-- Only the triggers (running as the member who votes) and the service role need these.
revoke all on function
  private.wilson_lower_bound(integer, integer),
  private.hot_score(integer, integer, timestamptz),
  private.cross_borough_score(integer[], integer[], integer)
  from public, anon;
grant execute on function
  private.wilson_lower_bound(integer, integer),
  private.hot_score(integer, integer, timestamptz),
  private.cross_borough_score(integer[], integer[], integer)
  to authenticated, service_role;
