-- The link activity report (report.boundary.LinkActivityQueries) reads a practice's links by the time they were
-- sent: newest first for its table, a range for its figures and its CSV, straight from this index.
create index ix_payment_link_practice_sent on payment_link (practice_id, sent_at, id);
