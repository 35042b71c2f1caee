// @ts-check
// The XLSX file of a workload export, written by write-excel-file. The app loads this module
// only when a user exports a spreadsheet (a dynamic import: the bundle puts it and the library
// in a chunk of their own, which the first page load never downloads and the service worker
// keeps for offline use).
import writeXlsxFile from 'write-excel-file/universal';
import { getCellAddress, insertElementMarkupAccordingToOrderOfSiblings } from 'write-excel-file/utility';
import { workbookSheets, consolidatedSheets } from './models/workbook.js';

/** @typedef {import('./models/workbook.js').Sheet} Sheet */
/** @typedef {import('./models/workbook.js').Cell} Cell */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The worksheet's elements in the order the format requires (ECMA-376 part 1, CT_Worksheet):
// Excel calls a file with them out of order damaged.
const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr',
  'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews',
  'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins',
  'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags',
  'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/**
 * The filter buttons over each sheet's table (the library has no option for them): an
 * `<autoFilter>` element per worksheet, from the header row to the last row.
 * @param {Sheet[]} sheets
 * @returns {import('write-excel-file/universal').Feature<Blob>}
 */
function filters(sheets) {
  return /** @type {import('write-excel-file/universal').Feature<Blob>} */ ({
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform(/** @type {string} */ xml, /** @type {unknown} */ _options, /** @type {{sheetIndex: number}} */ { sheetIndex }) {
            const sheet = sheets[sheetIndex];
            const width = sheet.rows[sheet.filterFrom]?.length ?? 0;
            if (!width || sheet.rows.length <= sheet.filterFrom) return xml;
            const ref = `${getCellAddress(sheet.filterFrom, 0)}:${getCellAddress(sheet.rows.length - 1, width - 1)}`;
            return insertElementMarkupAccordingToOrderOfSiblings(xml, `<autoFilter ref="${ref}"/>`, WORKSHEET_ORDER, 'worksheet');
          },
        },
      },
    },
  });
}

/**
 * A cell as the library takes it: typed, dates with a date format.
 * @param {Cell} cell
 */
function libraryCell(cell) {
  if (!cell) return null;
  if (cell.type === 'number') return { value: cell.value, type: Number };
  if (cell.type === 'date') return { value: cell.value, type: Date, format: 'yyyy-mm-dd hh:mm' };
  return { value: cell.value, type: String, wrap: cell.value.includes('\n') };
}

/**
 * The workbook of `data` (the engine's exportData()) as a Blob.
 * @param {import('./pkg/plumbline.js').ExportData} data
 */
export const workbookBlob = (data) => sheetsBlob(workbookSheets(data));

/**
 * The consolidated report's workbook as a Blob.
 * @param {import('./pkg/plumbline.js').ConsolidatedReport} report
 */
export const consolidatedBlob = (report) => sheetsBlob(consolidatedSheets(report));

/**
 * @param {Sheet[]} sheets
 * @returns {Promise<Blob>}
 */
async function sheetsBlob(sheets) {
  const bold = { fontWeight: /** @type {const} */ ('bold') };
  const written = sheets.map((s) => ({
    sheet: s.name,
    data: s.rows.map((row, i) => row.map((c) => {
      const cell = libraryCell(c);
      return cell && i === s.filterFrom ? { ...cell, ...bold } : cell;
    })),
    columns: s.widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }));
  const blob = await writeXlsxFile(/** @type {any} */ (written), { features: [filters(sheets)] }).toBlob();
  return blob.type === XLSX_TYPE ? blob : new Blob([blob], { type: XLSX_TYPE });
}
