//! What a blob's bytes are: text to scan (UTF-16 transcoded to UTF-8) or binary to skip.

use std::borrow::Cow;

/// How many leading bytes are looked at for a NUL (as git and ripgrep do).
pub const BINARY_PROBE: usize = 8 * 1024;

/// A blob's bytes, classified.
pub enum Content<'a> {
    /// Text to scan, as UTF-8 (borrowed, without a UTF-8 byte order mark, unless transcoded from UTF-16).
    Text(Cow<'a, [u8]>),
    /// A NUL byte in the first `BINARY_PROBE` bytes: not scanned.
    Binary,
}

/// Text or binary: UTF-16 with a byte order mark is transcoded, otherwise a NUL in the probe means binary.
pub fn classify(data: &[u8]) -> Content<'_> {
    if let Some(rest) = data.strip_prefix(&[0xFF, 0xFE]) {
        return Content::Text(Cow::Owned(utf16(rest, u16::from_le_bytes)));
    }
    if let Some(rest) = data.strip_prefix(&[0xFE, 0xFF]) {
        return Content::Text(Cow::Owned(utf16(rest, u16::from_be_bytes)));
    }
    let probe = &data[..data.len().min(BINARY_PROBE)];
    if memchr::memchr(0, probe).is_some() {
        return Content::Binary;
    }
    Content::Text(Cow::Borrowed(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data)))
}

fn utf16(data: &[u8], word: fn([u8; 2]) -> u16) -> Vec<u8> {
    let units = data.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect::<String>().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_means_binary_and_bom_means_utf16() {
        assert!(matches!(classify(b"ab\0cd"), Content::Binary));
        let mut le = vec![0xFF, 0xFE];
        for u in "key=sk".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        match classify(&le) {
            Content::Text(t) => assert_eq!(&*t, b"key=sk"),
            Content::Binary => panic!("UTF-16 is text"),
        }
        match classify(b"\xEF\xBB\xBFhello") {
            Content::Text(t) => assert_eq!(&*t, b"hello"),
            Content::Binary => panic!(),
        }
    }
}
