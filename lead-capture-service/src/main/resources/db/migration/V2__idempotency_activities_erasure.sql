-- The first answer to each Idempotency-Key, replayed to retries of the same request.
create table idempotent_request (
    idempotency_key text primary key,
    request_hash    text        not null,
    status          integer     not null,
    lead_id         uuid        not null,
    body            text        not null,
    created_at      timestamptz not null
);

-- Visitor activity; lead_id is filled in when the visitor identifies.
create table activity (
    id           uuid primary key,
    visitor_id   text,
    lead_id      uuid,
    type         text        not null,
    url          text,
    content_id   text,
    campaign     text,
    occurred_at  timestamptz not null
);
create index activity_visitor on activity (visitor_id) where lead_id is null;

-- Which lead an anonymous visitor id became.
create table visitor_identity (
    visitor_id  text primary key,
    lead_id     uuid not null
);

alter table lead add column erased_at timestamptz;
