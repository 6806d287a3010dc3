/** Test helpers for the mirror: what tests outside core/db import. */
export { contact, lead, openTestMirror, phoneField, pipelines } from './fixtures';
export { databaseAt, indexNames, insertContact, insertLead, leadRow, migrateTo, tableNames } from './migration-db';
export { seedMirror } from './seed-mirror';
export { useTestMirror } from './use-test-mirror';
export { postgresSchemaShape, sqliteSchemaShape, type SchemaShape, type TableShape } from './schema-shape';
export { describeStoreConformance, type StoreUnderTest } from './store-conformance';
export { MIRRORED_TABLES, mirroredRows } from './mirrored-rows';
