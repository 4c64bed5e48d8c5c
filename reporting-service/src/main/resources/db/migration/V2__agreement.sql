-- Every version of the marketing-sales agreement ever signed; the highest version is the one in force from its
-- effective_from. Versions are never changed, so reports can apply the version in force at each event's time.
create table agreement_version (
    version                  integer       primary key,
    mql_threshold            integer       not null,
    required_persona         text,
    mqls_per_month           integer       not null,
    accepted_share           numeric(5, 4) not null,
    first_contact_hours      integer       not null,
    decision_days            integer       not null,
    revenue_target_per_month numeric(19, 2) not null,
    currency                 char(3)       not null,
    marketing_owner          text          not null,
    sales_owner              text          not null,
    effective_from           timestamptz   not null,
    signed_at                timestamptz   not null
);
