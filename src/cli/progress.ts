/** A one-line progress bar on stderr when it is a terminal; silent otherwise (CI, pipes). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; end(): void } {
  if (!stream.isTTY) return { update() {}, end() {} };
  let last = '';
  return {
    update(done, total) {
      const width = 30;
      const filled = Math.round((width * done) / Math.max(1, total));
      const text = `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`;
      if (text !== last) stream.write(text);
      last = text;
    },
    end() {
      if (last) stream.write('\n');
    },
  };
}
