//! Reading input files as text, with failures that say exactly what is wrong: which file, and
//! for bad encodings which byte.
//!
//! Reading stops one byte past the file's size limit, so `plumbline lint /dev/zero` (or a
//! multi-gigabyte file piped to stdin) ends at once with a message instead of filling memory.

use std::io::Read;

use plumbline::shown::escape;

/// A file (or stdin, named `-`) as UTF-8 text. A UTF-8 byte-order mark is kept: the core reads
/// past it (with a `json-byte-order-mark` warning for lenses), as the app does, so the CLI and
/// the app accept and report the same files.
pub struct Input {
    /// How messages name the file: its path (controls escaped), or `<stdin>`.
    pub name: String,
    pub text: String,
}

/// The most bytes a kind of file may have.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub bytes: usize,
    /// Said after the size in the message: which limit this is and where it comes from.
    pub what: &'static str,
}

pub const LENS_LIMIT: Limit = Limit {
    bytes: plumbline::lens::MAX_FILE_BYTES,
    what: "the limit for a lens file (AWS: a custom lens cannot exceed 500 KB)",
};

pub const ANSWERS_LIMIT: Limit = Limit {
    bytes: plumbline::review::import::MAX_FILE_BYTES,
    what: "the limit for an answers file",
};

pub const BACKUP_LIMIT: Limit = Limit {
    bytes: plumbline::workload::backup::format::MAX_BACKUP_BYTES,
    what: "the limit for a workspace backup file",
};

/// Reads `path`; `Err` is a complete one-line message.
pub fn read(path: &str, limit: Limit) -> Result<Input, String> {
    let name = if path == "-" {
        "<stdin>".to_string()
    } else {
        escape(path).into_owned()
    };
    let cannot = |e: std::io::Error| format!("{name}: cannot read: {e}");
    let bytes = if path == "-" {
        read_at_most(std::io::stdin().lock(), limit.bytes).map_err(cannot)?
    } else {
        let file = std::fs::File::open(path).map_err(cannot)?;
        read_at_most(file, limit.bytes).map_err(cannot)?
    };
    if bytes.len() > limit.bytes {
        return Err(format!(
            "{name}: larger than {} bytes, {}; it was not read",
            limit.bytes, limit.what
        ));
    }
    let text = decode(bytes).map_err(|reason| format!("{name}: {reason}"))?;
    Ok(Input { name, text })
}

/// Up to `limit + 1` bytes of `source`: one byte more than allowed tells "too large" apart
/// from "exactly at the limit" without reading any further.
fn read_at_most(source: impl Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    source.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// UTF-8, byte-order mark included. UTF-16 and UTF-32 get their own message because Windows
/// PowerShell writes UTF-16 by default (`aws … > answers.json`), and "invalid UTF-8 at byte 0"
/// would not tell the user what to do. UTF-32's marks are tested first: the little-endian one
/// (`FF FE 00 00`) begins with UTF-16's (`FF FE`).
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let encoding =
        if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
            Some("UTF-32")
        } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            Some("UTF-16")
        } else {
            None
        };
    if let Some(encoding) = encoding {
        return Err(format!("the file is {encoding} encoded; save it as UTF-8"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let byte = e.as_bytes()[offset];
        format!("not valid UTF-8: byte 0x{byte:02X} at offset {offset} cannot start or continue a character")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_named() {
        let named = |bytes: &[u8]| decode(bytes.to_vec()).unwrap_err();
        assert!(named(b"\xFF\xFE\0\0{\0\0\0").contains("UTF-32"));
        assert!(named(b"\0\0\xFE\xFF\0\0\0{").contains("UTF-32"));
        assert!(named(b"\xFF\xFE{\0").contains("UTF-16"));
        assert!(named(b"\xFE\xFF\0{").contains("UTF-16"));
        // The UTF-8 mark stays for the core to report.
        assert_eq!(decode(b"\xEF\xBB\xBF{}".to_vec()).unwrap(), "\u{feff}{}");
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let endless = std::io::repeat(b' ');
        assert_eq!(read_at_most(endless, 10).unwrap().len(), 11);
        assert_eq!(read_at_most(&b"12345"[..], 5).unwrap().len(), 5);
    }
}
