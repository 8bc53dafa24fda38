-- Run once by the postgres image on an empty volume. The command side's event store and the
-- query side's read models are separate databases: the query side can be dropped and rebuilt alone.
CREATE DATABASE command;
CREATE DATABASE query;
