/** A host call's failure in a message bar, in the words of `hostErrorMessage`. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { HostAction, PaneText } from "./i18n";
import { hostErrorMessage } from "./host-errors";

export function HostErrorBar({
  error,
  action,
  text,
  testId,
  intent = "error",
}: {
  error: unknown;
  action: HostAction;
  text: PaneText;
  testId: string;
  /** "warning" where the area still works without the failed call. */
  intent?: "error" | "warning";
}) {
  return (
    <MessageBar intent={intent} data-testid={testId}>
      <MessageBarBody>{hostErrorMessage(error, action, text)}</MessageBarBody>
    </MessageBar>
  );
}
