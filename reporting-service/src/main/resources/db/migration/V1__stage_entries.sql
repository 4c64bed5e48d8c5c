-- When each lead (or anonymous visitor, subject 'visitor:<id>') first entered each stage or side outcome,
-- taken from the event time. Keeping the earliest time makes the projection independent of delivery order.
create table stage_entry (
    subject     text        not null,
    stage       text        not null,
    stage_rank  integer,
    entered_at  timestamptz not null,
    primary key (subject, stage)
);

-- An anonymous visitor that identified itself: its visitor history belongs to the lead.
create table visitor_link (
    visitor_id  text primary key,
    lead_id     uuid not null
);
