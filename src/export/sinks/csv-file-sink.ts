import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

import { csvHeader, csvRecords } from '../csv-encoding.pure.ts';
import type { ExportColumn } from '../export-columns.ts';
import type { DatasetSink } from './dataset-sink.ts';

async function put(stream: WriteStream, text: string): Promise<void> {
  // Backpressure: wait for the disk when the stream's buffer is full, so memory stays at one batch.
  if (!stream.write(text)) await once(stream, 'drain');
}

/** A CSV file (UTF-8, no BOM, header row, CRLF records) written as batches arrive. */
export async function openCsvSink(path: string, columns: readonly ExportColumn[]): Promise<DatasetSink> {
  const stream = createWriteStream(path, { flags: 'wx', encoding: 'utf8' });
  await once(stream, 'open');
  await put(stream, csvHeader(columns));
  return {
    write: (rows) => put(stream, csvRecords(columns, rows)),
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
    async abort() {
      if (stream.closed) return;
      const closed = once(stream, 'close').catch(() => undefined);
      stream.destroy();
      await closed;
    },
  };
}
