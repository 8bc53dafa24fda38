#!/usr/bin/env bash
# Run once by the postgres image on an empty volume. The command side's event store and the query side's read
# models are separate databases (the query side can be dropped and rebuilt alone), owned by the image's user, which
# runs the migrations (DATABASE_OWNER). Each service runs as a role of its own (DATABASE_USER), which the migrations
# grant what it may do: the command side's may never change a stored event.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v command_password="$COMMAND_SERVICE_DB_PASSWORD" -v query_password="$QUERY_SERVICE_DB_PASSWORD" <<'SQL'
CREATE DATABASE command;
CREATE DATABASE query;
CREATE ROLE command_service LOGIN PASSWORD :'command_password';
CREATE ROLE query_service LOGIN PASSWORD :'query_password';
SQL
