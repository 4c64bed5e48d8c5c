-- What sales hears: rejection reasons, objections and the opportunities they cost. Free-text notes are not kept
-- (they may hold personal data); categories and amounts are enough for the feedback report.
create table rejection (
    lead_id     uuid        not null,
    reason      text        not null,
    rejected_at timestamptz not null,
    primary key (lead_id, reason, rejected_at)
);

create table objection (
    lead_id   uuid        not null,
    category  text        not null,
    logged_at timestamptz not null,
    primary key (lead_id, category, logged_at)
);

-- Earliest time wins for each milestone, so the row does not depend on delivery order.
create table opportunity (
    opportunity_id uuid primary key,
    lead_id        uuid not null,
    amount         numeric(19, 2),
    currency       char(3),
    opened_at      timestamptz,
    won_at         timestamptz,
    won_amount     numeric(19, 2),
    lost_at        timestamptz,
    lost_reason    text,
    lost_objection text
);
