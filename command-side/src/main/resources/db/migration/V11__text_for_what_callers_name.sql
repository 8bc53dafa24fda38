-- Organizations, callers and names are as long as the contract lets them be (docs/http-api.md, Limits), which the
-- services check before anything is recorded; a second bound here could only refuse, too late, what was accepted.
-- From varchar to text PostgreSQL changes no row and rebuilds no index.

ALTER TABLE project_catalog ALTER COLUMN organization TYPE TEXT, ALTER COLUMN owner_team TYPE TEXT;
ALTER TABLE resource_catalog ALTER COLUMN organization TYPE TEXT;
ALTER TABLE consumption ALTER COLUMN organization TYPE TEXT;
ALTER TABLE resource_type_config ALTER COLUMN organization TYPE TEXT;
ALTER TABLE idempotent_request ALTER COLUMN organization TYPE TEXT, ALTER COLUMN principal TYPE TEXT;
