import { createRoot } from "react-dom/client";
import { App } from "./App";

// Render at once; the App resolves Office.onReady itself, so the page works with no Office host at all
// (plain browser, office.js missing or blocked).
const container = document.getElementById("root");
if (container) {
  createRoot(container).render(<App />);
}
