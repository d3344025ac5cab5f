import type { ExcelHost } from "../office/port";
import type { Lang, PaneText } from "./i18n";
import type { ValidationControls } from "./useValidation";

/** What the App gives each area that works on the workbook. */
export interface AreaProps {
  readonly text: PaneText;
  readonly lang: Lang;
  readonly inOffice: boolean;
  /** The Excel host in Office mode; null in the standalone page. */
  readonly host: ExcelHost | null;
  /** The opened workbook and its result, owned by the App so every area uses the same one. */
  readonly validation: ValidationControls;
}
