// hubgraph HIN schema — GENERATED from src/schema.ts by `hubgraph db schema --write`; do not edit by hand.
// Every statement is idempotent (IF NOT EXISTS): `hubgraph db migrate` applies this file any number of times.

// Uniqueness: every label is keyed by `id`.
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT creator_id IF NOT EXISTS FOR (n:Creator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tag_id IF NOT EXISTS FOR (n:Tag) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT library_id IF NOT EXISTS FOR (n:Library) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (n:Author) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT license_id IF NOT EXISTS FOR (n:License) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT language_id IF NOT EXISTS FOR (n:Language) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT analytics_run_id IF NOT EXISTS FOR (n:AnalyticsRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ingest_job_id IF NOT EXISTS FOR (n:IngestJob) REQUIRE n.id IS UNIQUE;

// Range indexes for the properties queries filter and sort on.
CREATE INDEX model_downloads IF NOT EXISTS FOR (n:Model) ON (n.downloads);
CREATE INDEX model_likes IF NOT EXISTS FOR (n:Model) ON (n.likes);
CREATE INDEX model_created_at IF NOT EXISTS FOR (n:Model) ON (n.createdAt);
CREATE INDEX model_community_id IF NOT EXISTS FOR (n:Model) ON (n.communityId);
CREATE INDEX creator_kind IF NOT EXISTS FOR (n:Creator) ON (n.kind);
CREATE INDEX creator_authority IF NOT EXISTS FOR (n:Creator) ON (n.authority);
CREATE INDEX creator_community_id IF NOT EXISTS FOR (n:Creator) ON (n.communityId);
CREATE INDEX paper_primary_category IF NOT EXISTS FOR (n:Paper) ON (n.primaryCategory);
CREATE INDEX community_run_id IF NOT EXISTS FOR (n:Community) ON (n.runId);
CREATE INDEX community_kind IF NOT EXISTS FOR (n:Community) ON (n.kind);
CREATE INDEX analytics_run_scope IF NOT EXISTS FOR (n:AnalyticsRun) ON (n.scope);

// Relationship property indexes.
CREATE INDEX derived_from_kind IF NOT EXISTS FOR ()-[r:DERIVED_FROM]-() ON (r.kind);

// Full-text search over model ids, names and tags, and creator names.
CREATE FULLTEXT INDEX model_search IF NOT EXISTS FOR (n:Model) ON EACH [n.id, n.name, n.tagText];
CREATE FULLTEXT INDEX creator_search IF NOT EXISTS FOR (n:Creator) ON EACH [n.id, n.name];
