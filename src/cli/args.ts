export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value (e.g. -o FILE) rather than being a switch. */
  readonly value: boolean;
  readonly alias?: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Record<string, string | boolean>;
}

/** Parses `--name value`, `--name=value`, `-o value` and switches; unknown flags are a UsageError. */
export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  const byAlias = new Map(Object.entries(specs).flatMap(([name, s]) => (s.alias ? [[s.alias, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const alias = arg.slice(1);
      const resolved = byAlias.get(alias);
      if (!resolved) throw new UsageError(`未知选项 ${arg}`);
      name = resolved;
    }
    const spec = specs[name];
    if (!spec) throw new UsageError(`未知选项 ${arg}`);
    if (spec.value) {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw new UsageError(`选项 ${arg} 需要一个值`);
      flags[name] = v;
    } else {
      if (inline !== undefined) throw new UsageError(`选项 --${name} 不接受值`);
      flags[name] = true;
    }
  }
  return { positionals, flags };
}

export function stringFlag(flags: ParsedArgs["flags"], name: string): string | undefined {
  const v = flags[name];
  return typeof v === "string" ? v : undefined;
}
