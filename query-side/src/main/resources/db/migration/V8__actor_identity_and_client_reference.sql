-- Revision 2 of the events carries the actor's stable identity (a JWT's issuer and subject) beside its name, and the
-- client's own X-Correlation-Id beside the correlation id the service gives each request. Entries recorded before
-- have neither.
alter table audit_entry add column actor_id text, add column client_reference text;
