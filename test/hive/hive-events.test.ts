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
    ('1', 'EntryLogged', 'e-shop'), ('2', 'EntryStatusChanged', 'e-shop'), ('3', 'LegacyEntryUpdated', 'e-shop'),
    ('4', 'EntryLogged', 'e-web'), ('5', 'EntryLogged', 'e-none'),
    ('6', 'MemoryPublished', 'hive-memory:shop/a.md'), ('7', 'MemoryUnpublished', 'hive-memory:shop/a.md'),
    ('8', 'MemoryFileWritten', 'memory:shop/a.md'), ('9', 'SessionRecorded', 's1'), ('10', 'HiveSubscribed', 'hive-subscription:x'),
    ('11', 'BudgetSet', 'budget:alice:daily:*')) t(id, type, entity_id)`)
  const reader = await db.runAndReadAll(`SELECT e.id FROM events e WHERE ${ownHiveEventsWhere(hiveProjects)} ORDER BY e.id::INTEGER`)
  const ids = reader.getRows().map((row) => String(row[0]))
  db.closeSync()
  instance.closeSync()
  return ids
}

describe("which events a user's hive gets", () => {
  it("the published memory events and every entry event of the hive projects; nothing else", async () => {
    expect(await travelling(["shop"])).toEqual(["1", "2", "3", "6", "7"])
    expect(await travelling(["shop", "web"])).toEqual(["1", "2", "3", "4", "6", "7"])
    expect(await travelling([])).toEqual(["6", "7"])
    expect(await travelling(["it's"])).toEqual(["6", "7"])
  })
})
