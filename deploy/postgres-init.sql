-- Runs once, when the PostgreSQL volume is first initialised: the engine's and the application's schemas.
-- (`npm start` creates the same schemas itself: platform/database.ts ensureSchemas.)
CREATE SCHEMA IF NOT EXISTS camunda;
CREATE SCHEMA IF NOT EXISTS app;
