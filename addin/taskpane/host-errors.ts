/** Turns what a host call rejected with into a message naming the action, the feature and what to do. */
import { HostFeatureUnavailable } from "../office/port";
import type { HostAction, PaneText } from "./i18n";

/** The host's own words for a failure: Office errors carry `code` and `message` (debugInfo is for developers). */
function detail(e: unknown): string {
  if (e instanceof Error || (typeof e === "object" && e !== null && "message" in e)) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    const text = typeof message === "string" && message.trim() !== "" ? message.trim() : "";
    const c = typeof code === "string" && code !== "" ? code : "";
    if (text && c && !text.includes(c)) return `${text} (${c})`;
    return text || c || String(e);
  }
  return String(e);
}

export function hostErrorMessage(e: unknown, action: HostAction, text: PaneText): string {
  if (e instanceof HostFeatureUnavailable) {
    return text.host.featureUnavailable(text.host.features[e.feature], e.requirement);
  }
  return text.host.failed(text.host.actions[action], detail(e));
}
