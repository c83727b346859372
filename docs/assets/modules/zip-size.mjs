/* How big a zip (an .xlsx) would be unzipped, from its own directory, before anything is unzipped: the
 * spreadsheet reader's worker (workbook-xlsx-worker.js) refuses a file that would unzip to more than the page
 * allows. Plain logic, tested in Node (tests/js/). */
/* The sum of the unzipped sizes the zip's central directory declares, or Infinity when it cannot be read or
 * uses ZIP64 (sizes over 4 GB, never in a workbook this form fills). */
export function unzippedSize(buffer) {
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
