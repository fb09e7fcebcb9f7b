-- Issue 28 (S3): API keys expire (90 days by default) and can be renewed by their owner; keys made before expire 90
-- days after they were made.
alter table api_key add column expires_at timestamp with time zone;
update api_key set expires_at = created_at + interval '90 days';
alter table api_key alter column expires_at set not null;
-- a key written without one (a tool inserting rows) gets the default lifetime too
alter table api_key alter column expires_at set default (now() + interval '90 days');
