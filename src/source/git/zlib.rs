//! Which zlib inflates git objects. libgit2 calls the C zlib API; zlib-rs (`libz-rs-sys` with its
//! symbols exported) provides that API in this binary, and a definition in the executable wins over the
//! system `libz.so` that libz-sys also links. On a full history, inflating is three quarters of the time
//! spent reading blobs, and zlib-rs (SIMD inflate and adler32) cuts that time by about a third.

/// The zlib version string as the C API answers it, e.g. `1.3.0-zlib-rs-0.5.5`. Referencing the crate
/// here also keeps it in the link.
pub fn version() -> &'static str {
    // SAFETY: zlibVersion returns a pointer to a static NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(libz_rs_sys::zlibVersion()) }.to_str().unwrap_or("unknown")
}

#[cfg(test)]
mod tests {
    unsafe extern "C" {
        /// The symbol as libgit2 sees it: resolved by the linker, not through the Rust crate.
        fn zlibVersion() -> *const std::ffi::c_char;
    }

    #[test]
    fn c_zlib_symbols_resolve_to_zlib_rs() {
        // SAFETY: as above.
        let v = unsafe { std::ffi::CStr::from_ptr(zlibVersion()) }.to_str().unwrap();
        assert!(v.contains("zlib-rs"), "libgit2 would inflate with {v}");
        assert_eq!(v, super::version());
    }
}
