-- Marketing touches (activity that names a campaign or content), by anonymous visitor or lead; a visitor's touches
-- belong to the lead it became (visitor_link). Capture re-sends earlier activity with the lead id under the same
-- activity id: the lead subject then replaces the visitor one.
create table touch (
    activity_id uuid primary key,
    subject     text        not null,
    campaign    text,
    content     text,
    occurred_at timestamptz not null
);
