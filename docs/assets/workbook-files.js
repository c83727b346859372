/* Files in and out (modules/files.mjs), loaded by the self-evaluation when first needed: it adds them to the
 * page's core, which the page's own script put on window.Workbook. */
import { addFiles } from "./modules/files.mjs";

addFiles(window.Workbook.core);
window.WorkbookFiles = true;
