import type { TemplateDef } from "./types";
import { roster } from "./roster";
import { schedule } from "./schedule";
import { evaluation } from "./evaluation";
import { ballot } from "./ballot";

export const TEMPLATES: readonly TemplateDef[] = [roster, schedule, evaluation, ballot];

export function templateById(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
