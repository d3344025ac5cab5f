/**
 * Watching the user's edits (SPEC §6: re-check edited rows as the user types): onChanged on the worksheet
 * collection (ExcelApi 1.9, one handler, sheets known by id) or on each worksheet (ExcelApi 1.7). The add-in's
 * own writes run with events off, so they never reach the handler. No debounce here: the pane debounces.
 *
 * Syncs: 1 to register (1.9) or 2 (1.7: names, then one handler per sheet); 1 to unregister.
 */
import type { ChangedRange } from "./port";

type Handler = (changes: readonly ChangedRange[]) => void;

interface ChangedArgs {
  readonly worksheetId: string;
  readonly address: string;
}

export async function watchCollection(
  context: Excel.RequestContext,
  handler: Handler,
  lookup: (id: string) => Promise<string | null>,
): Promise<() => Promise<void>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name, items/id");
  const names = new Map<string, string>();
  const registration = worksheets.onChanged.add(async (args: ChangedArgs) => {
    const name = names.get(args.worksheetId) ?? (await lookup(args.worksheetId));
    if (name === null) return;
    names.set(args.worksheetId, name);
    handler([{ sheet: name, address: args.address }]);
  });
  await context.sync();
  for (const ws of worksheets.items) names.set(ws.id, ws.name);
  return async () => {
    registration.remove();
    await context.sync();
  };
}

export async function watchEachSheet(context: Excel.RequestContext, handler: Handler): Promise<() => Promise<void>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const registrations = worksheets.items.map((ws) => {
    const name = ws.name;
    return ws.onChanged.add(async (args: ChangedArgs) => {
      handler([{ sheet: name, address: args.address }]);
    });
  });
  await context.sync();
  return async () => {
    for (const r of registrations) r.remove();
    await context.sync();
  };
}
