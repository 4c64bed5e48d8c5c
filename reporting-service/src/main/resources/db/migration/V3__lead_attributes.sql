-- What reports group leads by. Each attribute keeps the time of the event it came from, so applying events in any
-- order ends in the same row: first-touch attribution keeps the earliest capture, persona and rep keep the latest.
create table lead_attribute (
    lead_id        uuid primary key,
    source         text,
    campaign       text,
    content        text,
    attributed_at  timestamptz,
    persona        text,
    persona_at     timestamptz,
    rep_id         text,
    assigned_at    timestamptz
);
