-- Sales reps: who can take MQLs, where, how many at once and when they work.
create table rep (
    id               uuid primary key,
    name             text        not null,
    email            text        not null,
    territories      text        not null,
    personas         text,
    capacity         integer     not null,
    work_start       time        not null,
    work_end         time        not null,
    work_days        text        not null,
    time_zone        text        not null,
    active           boolean     not null,
    -- Round-robin position: the value of rep_turn when the rep last got a lead.
    last_turn        bigint,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);
create sequence rep_turn;

-- Ordered routing rules; the first whose criteria all match a lead decides the pool of reps.
create table assignment_rule (
    id          uuid primary key,
    position    integer     not null,
    name        text        not null,
    countries   text,
    personas    text,
    sources     text,
    min_score   integer,
    max_score   integer,
    queue       text        not null,
    rep_ids     text,
    created_at  timestamptz not null,
    version     bigint      not null default 0
);
create index assignment_rule_order on assignment_rule (position, created_at);

-- What routing needs to know about a lead, from capture and qualification events (no personal data).
create table lead_routing (
    lead_id     uuid primary key,
    country     text,
    source      text,
    persona     text,
    -- occurredAt of the capture event that set country and source; older ones arriving late are ignored.
    origin_at   timestamptz
);

-- Every version of the agreement received; the one in force at an instant has the latest effective_from before it.
create table agreement_terms (
    version              integer primary key,
    first_contact_hours  integer     not null,
    decision_days        integer     not null,
    effective_from       timestamptz not null
);

alter table pipeline_lead
    add column country                    text,
    add column source                     text,
    add column persona                    text,
    add column rule_id                    uuid,
    add column first_contact_due          timestamptz,
    add column first_contact_risk_at      timestamptz,
    add column decision_due               timestamptz,
    add column decision_risk_at           timestamptz,
    add column next_due                   timestamptz,
    add column first_contact_risk_sent_at timestamptz,
    add column first_contact_breached_at  timestamptz,
    add column decision_risk_sent_at      timestamptz,
    add column decision_breached_at       timestamptz,
    add column contacts                   integer not null default 0,
    add column first_contacted_at         timestamptz,
    add column last_contacted_at          timestamptz,
    add column decided_at                 timestamptz,
    add column rejection_reason           text,
    add column rejection_note             text;
create index pipeline_lead_rep on pipeline_lead (rep_id, stage, next_due);
-- The SLA watch looks for open leads with a timer to fire.
create index pipeline_lead_open_timers on pipeline_lead (stage, next_due) where rep_id is not null;

create table lead_contact (
    id           uuid primary key,
    lead_id      uuid        not null references pipeline_lead (lead_id),
    rep_id       uuid,
    channel      text        not null,
    outcome      text,
    note         text,
    occurred_at  timestamptz not null
);
create index lead_contact_lead on lead_contact (lead_id, occurred_at);

create table opportunity (
    id                   uuid primary key,
    lead_id              uuid          not null references pipeline_lead (lead_id),
    rep_id               uuid,
    amount               numeric(19,2) not null,
    currency             char(3)       not null,
    expected_close_date  date          not null,
    stage                text          not null,
    status               text          not null,
    won_amount           numeric(19,2),
    lost_reason          text,
    objection            text,
    opened_at            timestamptz   not null,
    closed_at            timestamptz,
    version              bigint        not null default 0
);
create index opportunity_lead on opportunity (lead_id);

create table objection (
    id              uuid primary key,
    lead_id         uuid        not null references pipeline_lead (lead_id),
    opportunity_id  uuid references opportunity (id),
    category        text        not null,
    text            text,
    logged_at       timestamptz not null
);
