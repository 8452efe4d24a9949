/**
 * The data dir holds notes, session titles, paths and costs: nobody else on the machine should
 * read them. A process-wide umask covers every file and folder this CLI creates (DuckDB's own
 * database and WAL included, which take no mode option): folders 700, files 600.
 */
export const keepNewFilesPrivate = (): void => {
  process.umask(0o077)
}
