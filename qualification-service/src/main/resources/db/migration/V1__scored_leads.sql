-- What qualification knows of a lead: the attributes its rules read, and its current score.
create table scored_lead (
    lead_id         uuid primary key,
    job_title       text,
    company_size    integer,
    industry        text,
    country         text,
    email_domain    text,
    has_phone       boolean     not null default false,
    profile_at      timestamptz not null,
    total           integer     not null default 0,
    fit             integer     not null default 0,
    behaviour       integer     not null default 0,
    explanation     text,
    qualified_at    timestamptz,
    updated_at      timestamptz not null
);
