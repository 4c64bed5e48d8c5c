-- Marketing's calendar: campaigns and the content they publish. Launching or publishing emits an event.
create table campaign (
    id           uuid primary key,
    name         text        not null,
    channel      text        not null,
    starts_on    date        not null,
    ends_on      date,
    status       text        not null,
    launched_at  timestamptz,
    updated_at   timestamptz not null,
    version      bigint      not null default 0
);

create table content_item (
    id            uuid primary key,
    title         text        not null,
    format        text        not null,
    campaign_id   uuid references campaign (id),
    author        text,
    url           text,
    planned_on    date,
    status        text        not null,
    published_at  timestamptz,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);
