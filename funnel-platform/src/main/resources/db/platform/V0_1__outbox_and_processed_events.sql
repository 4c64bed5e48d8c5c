-- Events waiting to be relayed to Kafka, written in the same transaction as the state change they describe.
create table outbox_event (
    seq         bigserial primary key,
    id          uuid        not null unique,
    topic       text        not null,
    record_key  text        not null,
    type        text        not null,
    occurred_at timestamptz not null,
    payload     text        not null,
    created_at  timestamptz not null default now()
);

-- Ids of the events this service has already applied; written in the same transaction as the effect.
create table processed_event (
    event_id     text        primary key,
    topic        text        not null,
    processed_at timestamptz not null default now()
);
