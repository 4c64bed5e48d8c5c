-- Webhooks: other systems (CRMs) subscribe to funnel event types and receive them as structured CloudEvents by HTTP.
-- The secret signs every delivery (HMAC-SHA256), so it is kept readable here; the API shows it only on creation.
-- An empty event_types array subscribes to every type.
create table webhook (
    id          uuid primary key,
    url         text        not null,
    event_types text[]      not null default '{}',
    description text,
    active      boolean     not null,
    secret      text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- The delivery log: one row per event and webhook, written in the transaction that consumed the event, so a
-- redelivered Kafka record never gives a second one. A manual redelivery is a row of its own pointing at the original.
-- The payload is the CloudEvent as sent; it is set to null when its lead is erased, the row stays.
create table webhook_delivery (
    id               uuid primary key,
    webhook_id       uuid        not null references webhook (id) on delete cascade,
    event_id         text        not null,
    event_type       text        not null,
    subject          text,
    payload          text,
    status           text        not null,
    attempts         int         not null default 0,
    last_http_status int,
    last_error       text,
    next_attempt_at  timestamptz,
    redelivery_of    uuid references webhook_delivery (id) on delete cascade,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    delivered_at     timestamptz
);

create unique index webhook_delivery_once on webhook_delivery (webhook_id, event_id) where redelivery_of is null;
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (webhook_id, created_at desc);
create index webhook_delivery_subject on webhook_delivery (subject);

-- Every attempt's outcome, so the log still shows the failures of a delivery that finally succeeded.
create table webhook_attempt (
    id           uuid primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempt      int         not null,
    attempted_at timestamptz not null,
    http_status  int,
    error        text,
    duration_ms  bigint      not null,
    unique (delivery_id, attempt)
);
