import type { TemplateDef } from "./types";
import { roster } from "./roster";

export const TEMPLATES: readonly TemplateDef[] = [roster];

export function templateById(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
