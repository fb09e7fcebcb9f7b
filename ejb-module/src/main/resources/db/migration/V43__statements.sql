-- Issue 24: paper statements with a QR code; the link a statement carries works this many days (1-30)
alter table practice add column statement_link_days integer not null default 14;
alter table practice add constraint ck_practice_statement_link_days check (statement_link_days between 1 and 30);
