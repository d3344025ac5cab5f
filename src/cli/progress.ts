/** Progress on stderr for big inputs: a rewritten line on a terminal, a few plain lines otherwise. */
export class Progress {
  private lastLine = "";
  private lastAt = 0;

  constructor(
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  stage(text: string): void {
    if (!this.enabled) return;
    if (this.stream.isTTY) this.write(text);
    else this.stream.write(text + "\n");
  }

  /** Frequent updates; only a terminal shows them, at most every 100 ms. */
  tick(text: string): void {
    if (!this.enabled || !this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.lastAt < 100) return;
    this.lastAt = now;
    this.write(text);
  }

  done(): void {
    if (this.enabled && this.stream.isTTY && this.lastLine) this.stream.write("\r\u001b[K");
    this.lastLine = "";
  }

  private write(text: string): void {
    this.stream.write("\r\u001b[K" + text);
    this.lastLine = text;
  }
}

/** Inputs at least this big get a progress indicator. */
export const PROGRESS_MIN_BYTES = 2 * 1024 * 1024;
