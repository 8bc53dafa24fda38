-- The sharing graph as of an instant (`GET /graph?at=`) shows the projects created by then. Environments and
-- resources keep their validity in positions (V5); a project is never changed nor deleted, so the position of its
-- creation is all it needs. Projects projected before this migration take it from their ProjectCreated entry in the
-- audit log; one projected before the audit log was kept (V3) has none until the read models are rebuilt, and is
-- shown at any instant, as a project that existed before its history began.
alter table project add column created_position bigint;

update project p set created_position = a.position
from audit_entry a
where a.organization = p.organization and a.type = 'ProjectCreated' and a.project = p.id;
