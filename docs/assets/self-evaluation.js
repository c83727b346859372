/* The self-evaluation page's script: the workbook's core and the page (modules/), bundled into this one file
 * by the finish step. Exports, imports and the printed report are separate scripts, loaded when first needed. */
import { define } from "./modules/core.mjs";
import { start } from "./modules/self-evaluation.mjs";

define("workbook", start);
