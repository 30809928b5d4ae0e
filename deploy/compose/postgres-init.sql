-- Runs once, on the first start of an empty PostgreSQL volume (docker-entrypoint-initdb.d), as the superuser
-- POSTGRES_USER (promesa). One server, one database per stateful service; each service's Flyway migrations
-- create its tables at start-up.
CREATE DATABASE promesa_followup;
CREATE DATABASE promesa_notifier;
