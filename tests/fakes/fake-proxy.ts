/** The Excel fake's proxy base: properties readable only after a sync that loaded them, writes queued to sync. */
import type { FakeContext } from "./excel-fake";
import { FakeOfficeError, notLoaded, splitProps, utf8Bytes } from "./fake-grid";

/** A proxy whose properties are readable only after a sync that loaded them. */
export abstract class FakeProxy {
  private readonly loaded = new Map<string, unknown>();
  protected resolved = false;
  protected isNull = false;

  constructor(
    protected readonly context: FakeContext,
    private readonly loadable: readonly string[],
  ) {}

  /** Queues the proxy's own resolution (existence); runs at sync before later requests on it. */
  protected queueResolve(resolve: () => boolean): void {
    this.context.queue(() => {
      this.isNull = !resolve();
      this.resolved = true;
      return 0;
    });
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw notLoaded("isNullObject");
    return this.isNull;
  }

  load(props?: string | string[]): this {
    const list = splitProps(props ?? this.loadable.join(","));
    for (const p of list)
      if (!this.loadable.includes(p)) throw new FakeOfficeError("InvalidArgument", `Unknown property '${p}'.`);
    this.context.queue(() => {
      if (this.isNull) return 0;
      let bytes = 0;
      for (const p of list) {
        const v = this.fetch(p);
        this.loaded.set(p, v);
        bytes += utf8Bytes(JSON.stringify(v) ?? "null");
      }
      return bytes;
    });
    return this;
  }

  /** Marks the proxy resolved with values already loaded, as the items of a loaded collection are. */
  preset(values: Readonly<Record<string, unknown>>, isNull = false): this {
    this.resolved = true;
    this.isNull = isNull;
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
    return this;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop) || this.isNull) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** Queues a write that runs at sync; `bytes` is its request size. */
  protected write(apply: () => void, bytes = 0): void {
    this.context.queue(() => {
      if (this.isNull) throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid (a null object).");
      apply();
      return { response: 0, request: bytes };
    });
  }

  protected abstract fetch(prop: string): unknown;
}
