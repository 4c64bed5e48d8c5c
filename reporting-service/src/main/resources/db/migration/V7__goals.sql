-- SMART goals: a metric, a target, a time window and the team that owns it; progress is computed from the events.
create table goal (
    id         uuid primary key,
    name       text           not null,
    metric     text           not null,
    target     numeric(19, 2) not null,
    starts_on  date           not null,
    deadline   date           not null,
    owner_team text           not null,
    created_at timestamptz    not null
);
