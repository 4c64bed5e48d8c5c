-- A rep belongs to at most one sales team; a manager lists the team and works its queue.
alter table rep add column team varchar(100);
create index rep_team on rep (team) where team is not null;
