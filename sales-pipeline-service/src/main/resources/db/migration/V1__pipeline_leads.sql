-- A lead sales works on: from the MQL handed over by marketing to its outcome.
create table pipeline_lead (
    lead_id       uuid primary key,
    stage         text        not null,
    queue         text        not null,
    rep_id        uuid,
    score         integer     not null,
    explanation   text,
    qualified_at  timestamptz not null,
    assigned_at   timestamptz not null,
    version       bigint      not null default 0
);
create index pipeline_lead_queue on pipeline_lead (queue, assigned_at);
