-- Web forms registered by marketing; plain HTML forms post to /forms/{id}.
create table web_form (
    id               text primary key,
    name             text        not null,
    allowed_origins  text        not null,
    field_mapping    text,
    thank_you_url    text        not null,
    honeypot_field   text,
    consent_text     text,
    consent_version  text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
