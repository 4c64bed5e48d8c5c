-- The relay hears of committed outbox rows at once instead of at its next poll: PostgreSQL delivers a notification
-- at commit, once per transaction however many rows it wrote.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;

create trigger outbox_event_committed after insert on outbox_event
    for each statement execute function outbox_event_notify();
