import type { Database } from '@sada/db';

// Written by the import/export work: JSON lines of one workspace, round-tripping exactly.
export async function importFile(_options: {
  database: Database;
  file: string;
}): Promise<Record<string, number>> {
  throw new Error('import is not written yet');
}

export async function exportWorkspace(_options: {
  database: Database;
  slug: string;
  out?: string | undefined;
}): Promise<void> {
  throw new Error('export is not written yet');
}
