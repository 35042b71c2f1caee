//! Reading input files as text, with failures that say exactly what is wrong: which file, and
//! for bad encodings which byte.

use std::io::Read;

/// A file (or stdin, named `-`) as UTF-8 text without a byte-order mark.
pub struct Input {
    /// How messages name the file: its path, or `<stdin>`.
    pub name: String,
    pub text: String,
}

/// Reads `path`; `Err` is a complete one-line message.
pub fn read(path: &str) -> Result<Input, String> {
    let (name, bytes) = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
        (path.to_string(), bytes)
    };
    let text = decode(bytes).map_err(|reason| format!("{name}: {reason}"))?;
    Ok(Input { name, text })
}

/// UTF-8 without its optional BOM. UTF-16 gets its own message because Windows PowerShell
/// writes it by default (`aws … > answers.json`), and "invalid UTF-8 at byte 0" would not
/// tell the user what to do.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("the file is UTF-16 encoded; save it as UTF-8".to_string());
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let byte = e.as_bytes()[offset];
        format!("not valid UTF-8: byte 0x{byte:02X} at offset {offset} cannot start or continue a character")
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}
