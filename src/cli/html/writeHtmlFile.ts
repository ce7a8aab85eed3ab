/** Writes a page given as chunks of text to a file, waiting when the disk is slower than the chunks come (memory stays bounded). */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes `chunks` to `file` as UTF-8; rejects on the first write error. */
export async function writeHtmlFile(file: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    let buffered = '';
    for (const chunk of chunks) {
      buffered += chunk;
      if (buffered.length < 64 * 1024) continue;
      if (!out.write(buffered)) await Promise.race([once(out, 'drain'), failed]);
      buffered = '';
    }
    out.end(buffered);
    await Promise.race([once(out, 'finish'), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
}
