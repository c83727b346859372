/* The trust page's one script: the workbook's core, files in and out, the spreadsheet reader and
 * the page (modules/), bundled into this file by the finish step. */
import { core, define } from "./modules/core.mjs";
import { addFiles } from "./modules/files.mjs";
import * as sheets from "./modules/sheets.mjs";
import { start } from "./modules/trust.mjs";

addFiles(core, sheets);
define("trust", start);
