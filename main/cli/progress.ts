import type { ProgressListener } from '../engine/client.ts';

/** A one-line progress bar on stderr, only when stderr is a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { listener: ProgressListener; done: () => void } {
  if (!stream.isTTY) return { listener: () => {}, done: () => {} };
  let last = 0;
  const listener: ProgressListener = (stage, done, total) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const width = 30;
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * width);
    stream.write(`\r${stage.padEnd(11)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}%`);
  };
  return { listener, done: () => stream.write('\r\x1b[K') };
}
