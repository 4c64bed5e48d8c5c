-- Versioned scoring models: each change is a new row; the highest version is in force.
create table scoring_model (
    version     integer     primary key,
    model       text        not null,
    author      text        not null,
    created_at  timestamptz not null
);

-- Version 1: the first fixed rule set (decision-maker +25, junior -20 unless also a decision maker, 50-5,000 employees
-- +20, enterprise +10, target industry +15, free mail -15, phone +5), a disposable-domain spam rule that disqualifies,
-- and default behaviour rules.
insert into scoring_model (version, model, author, created_at) values (1, $model$
{
  "fitRules": [
    {"id": "fit.title.decision-maker", "attribute": "jobTitle",
     "pattern": "\\b(head|director|vp|vice president|chief|ceo|cto|cfo|coo|founder|owner|manager|jefe|gerente)\\b",
     "points": 25, "reason": "Job title '{value}' is a decision maker"},
    {"id": "fit.title.junior", "attribute": "jobTitle",
     "pattern": "^(?!.*\\b(head|director|vp|vice president|chief|ceo|cto|cfo|coo|founder|owner|manager|jefe|gerente)\\b).*\\b(student|intern|estudiante|becario)\\b",
     "points": -20, "reason": "Job title '{value}' does not buy"},
    {"id": "fit.size.mid-market", "attribute": "companySize", "range": {"min": 50, "max": 5000},
     "points": 20, "reason": "Company of {value} employees is in the 50-5,000 target range"},
    {"id": "fit.size.enterprise", "attribute": "companySize", "range": {"min": 5001},
     "points": 10, "reason": "Enterprise of {value} employees"},
    {"id": "fit.industry.target", "attribute": "industry",
     "values": ["construction", "real-estate", "education", "finance"],
     "points": 15, "reason": "Industry '{value}' is a target market"},
    {"id": "fit.email.free-mail", "attribute": "emailDomain",
     "values": ["gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "icloud.com", "live.com", "aol.com",
                "proton.me", "protonmail.com", "gmx.com"],
     "points": -15, "reason": "Free e-mail provider, not a company domain"},
    {"id": "fit.phone.given", "attribute": "phone", "present": true, "points": 5, "reason": "Left a phone number"},
    {"id": "fit.email.disposable", "attribute": "emailDomain",
     "values": ["mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com", "trashmail.com"],
     "points": -50, "reason": "Disposable e-mail domain {value}: spam", "disqualify": true}
  ],
  "behaviourRules": [
    {"id": "behaviour.page-view", "activityType": "PAGE_VIEW", "points": 1, "capPerDay": 5, "halfLifeDays": 30,
     "reason": "Visited pages"},
    {"id": "behaviour.pricing-view", "activityType": "PRICING_VIEW", "points": 5, "capPerDay": 10,
     "halfLifeDays": 14, "reason": "Looked at pricing"},
    {"id": "behaviour.content-download", "activityType": "CONTENT_DOWNLOAD", "points": 5, "capPerDay": 15,
     "halfLifeDays": 60, "reason": "Downloaded content"},
    {"id": "behaviour.email-open", "activityType": "EMAIL_OPEN", "points": 1, "capPerDay": 3, "halfLifeDays": 14,
     "reason": "Opened e-mails"},
    {"id": "behaviour.email-click", "activityType": "EMAIL_CLICK", "points": 3, "capPerDay": 9, "halfLifeDays": 30,
     "reason": "Clicked e-mails"},
    {"id": "behaviour.form-submit", "activityType": "FORM_SUBMIT", "points": 3, "capPerDay": 6, "halfLifeDays": 30,
     "reason": "Submitted forms"},
    {"id": "behaviour.webinar", "activityType": "WEBINAR_ATTENDED", "points": 10, "capPerDay": 10,
     "halfLifeDays": 90, "reason": "Attended a webinar"},
    {"id": "behaviour.demo-request", "activityType": "DEMO_REQUEST", "points": 20, "capPerDay": 20,
     "halfLifeDays": 30, "reason": "Asked for a demo"}
  ]
}
$model$, 'migration', now());

alter table scored_lead
    add column captured_at       timestamptz,
    add column persona           text,
    add column disqualified_at   timestamptz,
    add column disqualify_reason text,
    add column rejected_at       timestamptz,
    add column scored_at         timestamptz,
    add column model_version     integer not null default 1;
update scored_lead set captured_at = profile_at, scored_at = updated_at;
alter table scored_lead alter column captured_at set not null, alter column scored_at set not null;
create index scored_lead_decay_candidates on scored_lead (total) where behaviour > 0;

-- Activities of identified leads (anonymous ones are not scored); one row per activity, however often it arrives.
create table lead_activity (
    activity_id uuid        primary key,
    lead_id     uuid        not null,
    type        text        not null,
    occurred_at timestamptz not null
);
create index lead_activity_lead on lead_activity (lead_id, occurred_at);

-- What sales did with a lead (ACCEPTED, REJECTED, WON), for the simulation.
create table pipeline_outcome (
    id          bigserial   primary key,
    lead_id     uuid        not null,
    outcome     text        not null,
    occurred_at timestamptz not null,
    unique (lead_id, outcome, occurred_at)
);

-- The MQL definition of each agreement version; the one with the latest effective_from not in the future is in force.
create table agreement_terms (
    version          integer     primary key,
    mql_threshold    integer     not null,
    required_persona text,
    effective_from   timestamptz not null
);

create table persona (
    id         uuid        primary key,
    name       text        not null unique,
    criteria   text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- Every score a lead had, for "how did it get here?".
create table score_history (
    id            bigserial   primary key,
    lead_id       uuid        not null,
    scored_at     timestamptz not null,
    total         integer     not null,
    fit           integer     not null,
    behaviour     integer     not null,
    model_version integer     not null,
    cause         text        not null
);
create index score_history_lead on score_history (lead_id, id);
