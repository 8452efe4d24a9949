/** One CSV record (RFC 4180): a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
export const csvRecord = (fields: ReadonlyArray<string | number>): string =>
  fields.map((field) => {
    const text = String(field)
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
  }).join(",")
