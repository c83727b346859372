/* The spreadsheet reader (modules/sheets.mjs), loaded by the self-evaluation when a spreadsheet is picked. */
import { read, isXlsx, parseCsv, fromRows, ACCEPT } from "./modules/sheets.mjs";

window.WorkbookSheets = { read: read, isXlsx: isXlsx, parseCsv: parseCsv, fromRows: fromRows, ACCEPT: ACCEPT };
