import { DuckDBInstance } from "@duckdb/node-api"
import { describe, expect, it } from "vitest"
import { ownHiveEventsWhere } from "../../src/hive/hive-events.js"

/** Which of these events a user's own hive gets, given their hive projects. */
const travelling = async (hiveProjects: ReadonlyArray<string>) => {
  const instance = await DuckDBInstance.create(":memory:")
  const db = await instance.connect()
  await db.run(`CREATE SCHEMA csl_projections`)
  await db.run(`CREATE TABLE csl_projections.log_entries AS SELECT * FROM (VALUES ('e-shop', 'shop'), ('e-web', 'web'), ('e-none', NULL)) t(id, project)`)
  await db.run(`CREATE TABLE events AS SELECT * FROM (VALUES
    ('1', 'EntryLogged', 'e-shop', 'alice'), ('2', 'EntryStatusChanged', 'e-shop', 'bob'), ('3', 'LegacyEntryUpdated', 'e-shop', 'alice'),
    ('4', 'EntryLogged', 'e-web', 'alice'), ('5', 'EntryLogged', 'e-none', 'alice'),
    ('6', 'MemoryPublished', 'hive-memory:["alice","shop","a.md"]', 'alice'), ('7', 'MemoryUnpublished', 'hive-memory:["alice","shop","a.md"]', 'alice'),
    ('8', 'MemoryFileWritten', 'memory:shop/a.md', 'alice'), ('9', 'SessionRecorded', 's1', 'alice'), ('10', 'HiveSubscribed', 'hive-subscription:x', 'alice'),
    ('11', 'BudgetSet', 'budget:alice:daily:*', 'alice'),
    ('12', 'MemoryPublished', 'hive-memory:["bob","shop","a.md"]', 'bob')) t(id, type, entity_id, actor)`)
  const reader = await db.runAndReadAll(`SELECT e.id FROM events e WHERE ${ownHiveEventsWhere("alice", hiveProjects)} ORDER BY e.id::INTEGER`)
  const ids = reader.getRows().map((row) => String(row[0]))
  db.closeSync()
  instance.closeSync()
  return ids
}

describe("which events a user's hive gets", () => {
  it("their own published memory events and every entry event of the hive projects, whoever made it; nothing else", async () => {
    expect(await travelling(["shop"])).toEqual(["1", "2", "3", "6", "7"])
    expect(await travelling(["shop", "web"])).toEqual(["1", "2", "3", "4", "6", "7"])
    expect(await travelling([])).toEqual(["6", "7"])
    expect(await travelling(["it's"])).toEqual(["6", "7"])
  })
})
