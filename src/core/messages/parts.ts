import type { MessagePart } from "./part";
import { evaluationBallotMessages } from "./evaluation-ballot";
import { scheduleMessages } from "./schedule";
import { nationalMessages } from "./national";

/** The per-template message parts added to the common and roster catalogs. */
export const MESSAGE_PARTS: readonly MessagePart[] = [scheduleMessages, evaluationBallotMessages, nationalMessages];
