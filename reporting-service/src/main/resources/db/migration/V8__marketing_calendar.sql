-- Campaigns launched and content published, for the monthly bulletin. The author is a colleague's name, shown as a
-- contributor; it is not a lead's personal data.
create table campaign (
    campaign_id uuid primary key,
    name        text        not null,
    channel     text,
    launched_at timestamptz not null
);

create table content_item (
    content_id   uuid primary key,
    title        text        not null,
    format       text,
    campaign_id  uuid,
    author       text,
    published_at timestamptz not null
);
