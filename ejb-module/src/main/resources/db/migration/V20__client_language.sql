-- Issue 12 item 7: the client's preferred language (a BCP 47 tag such as 'es'), chosen on Client Details.
-- Null means "not chosen": emails in English, payment pages in the browser's language.
alter table client add column preferred_language varchar(35);
