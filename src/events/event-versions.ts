/**
 * The payload version this code writes and understands, per type, as a plain value (the light
 * path stamps events without loading the schemas). An event written by a newer client (higher
 * version, or a type not listed) is stored and kept but skipped by the folds. When a payload
 * changes shape, bump its version here and add an upcaster in decode-event.ts.
 */
export const eventVersions = {
  EntryLogged: 1,
  EntryStatusChanged: 1,
  LegacyEntryUpdated: 1,
  InboxWatermarkAdvanced: 1,
  SessionRecorded: 1,
  MemoryFileWritten: 1,
  MemoryFileDeleted: 1,
  BudgetSet: 1,
  MemoryPublished: 1,
  MemoryUnpublished: 1,
  HiveSubscribed: 1,
  HiveUnsubscribed: 1,
} as const
