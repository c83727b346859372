/* Reads an Excel workbook (.xlsx) away from the page's thread, for workbook-sheets.js: a huge or malformed file
 * (a "zip bomb", small as a file and gigabytes unzipped) can then never freeze the page, which stops this worker
 * when it takes too long. Before unzipping anything it adds up the sizes the zip's directory declares and
 * refuses a file that would unzip to more than the page allows. Receives {file, maxUnzipped}; answers
 * {sheets} or {error, tooLarge}. The reader is vendor/read-excel-file.min.js (MIT), loaded here only. */
import { unzippedSize } from "./modules/zip-size.mjs";

self.onmessage = function (event) {
  var file = event.data.file, most = event.data.maxUnzipped;
  file.arrayBuffer().then(function (buffer) {
    var size = unzippedSize(buffer);
    if (size > most) {
      self.postMessage({ tooLarge: true, error: size === Infinity ? "its contents could not be measured" :
        "it would unzip to " + (size / 1024 / 1024).toFixed(0) + " MB" });
      return;
    }
    importScripts("vendor/read-excel-file.min.js");
    return self.readXlsxFile(file).then(function (sheets) { self.postMessage({ sheets: sheets }); });
  }).catch(function (e) { self.postMessage({ error: e && e.message ? e.message : "unknown problem" }); });
};
