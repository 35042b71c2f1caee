// @ts-check
// Reading a lens file chosen on this computer into text, in the browser (File API; nothing is
// sent anywhere). Refuses what is not UTF-8 text with a message that says why; the size limit
// is left to the engine, which refuses a file over 500,000 bytes with its own message.

/**
 * An Error with kind "FileUnreadable" (the page's own kind, not an engine one) and a message
 * meant for the reader.
 * @param {string} message
 */
function unreadable(message) {
  return Object.assign(new Error(message), { kind: 'FileUnreadable' });
}

/**
 * The file's text, decoded as UTF-8. A byte-order mark is kept (the engine counts it as the
 * first character of line 1, so its columns match the text shown). Rejects a binary file
 * (a NUL byte) and bytes that are not UTF-8.
 * @param {File} file
 */
export async function readLensFile(file) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw unreadable(`"${file.name}" could not be read from this computer.`);
  }
  if (bytes.includes(0)) {
    throw unreadable(`"${file.name}" is a binary file, not a lens: a lens file is JSON text (UTF-8).`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw unreadable(`"${file.name}" is not UTF-8 text: save the lens file as UTF-8 and choose it again.`);
  }
}
