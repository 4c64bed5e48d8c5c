-- The sales side of the SLA, per lead: its first assignment (and the first-contact due time the pipeline gave it)
-- and its first contact. Earliest times win, so the row does not depend on delivery order.
create table sales_contact (
    lead_id            uuid primary key,
    assigned_at        timestamptz,
    first_contact_due  timestamptz,
    first_contacted_at timestamptz
);

-- One row per missed deadline; a re-sent breach (same lead, kind and due time) is the same breach.
create table sla_breach (
    lead_id     uuid        not null,
    kind        text        not null,
    due_at      timestamptz not null,
    rep_id      text,
    breached_at timestamptz not null,
    primary key (lead_id, kind, due_at)
);
