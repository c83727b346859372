/* The printed report (modules/report.mjs), loaded by the self-evaluation when it may be printed. */
import { render } from "./modules/report.mjs";

window.WorkbookReport = { render: render };
