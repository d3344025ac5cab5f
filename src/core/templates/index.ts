import type { TemplateDef } from "./types";
import { roster } from "./roster";
import { evaluation } from "./evaluation";
import { ballot } from "./ballot";

export const TEMPLATES: readonly TemplateDef[] = [roster, evaluation, ballot];

export function templateById(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
