/** The computed columns of generated sheets now live in the core (shared with the Office.js adapter). */
export * from "../core/templates/formulas";
