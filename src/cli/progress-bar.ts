/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true && total > 1;
  const started = Date.now();
  let done = 0;
  const draw = () => {
    if (!enabled) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    stream.write(
      `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${rate.toFixed(0)}/s `,
    );
  };
  return {
    tick() {
      done++;
      if (done === total || done % 10 === 0) draw();
    },
    /** Sets the count (work done elsewhere, e.g. by a background job). */
    set(value: number) {
      done = value;
      draw();
    },
    end() {
      if (enabled) stream.write("\n");
    },
  };
}
