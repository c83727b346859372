/* Reads an Excel workbook (.xlsx) away from the page's thread, for workbook-sheets.js: a huge or malformed file
 * (a "zip bomb", small as a file and gigabytes unzipped) can then never freeze the page, which stops this worker
 * when it takes too long. Before unzipping anything it adds up the sizes the zip's directory declares and
 * refuses a file that would unzip to more than the page allows. Receives {file, maxUnzipped}; answers
 * {sheets} or {error, tooLarge}. The reader is vendor/read-excel-file.min.js (MIT), loaded here only. */
"use strict";

/* The sum of the unzipped sizes the zip's central directory declares, or Infinity when it cannot be read or
 * uses ZIP64 (sizes over 4 GB, never in a workbook this form fills). */
function unzippedSize(buffer) {
  var view = new DataView(buffer);
  var end = -1;
  for (var i = buffer.byteLength - 22; i >= Math.max(0, buffer.byteLength - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) return Infinity;
  var count = view.getUint16(end + 10, true), at = view.getUint32(end + 16, true), total = 0;
  for (var n = 0; n < count; n++) {
    if (at + 46 > buffer.byteLength || view.getUint32(at, true) !== 0x02014b50) return Infinity;
    var size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

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
