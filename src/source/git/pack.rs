//! Reading objects straight from a repository's pack files, for the history walk.
//!
//! libgit2 serves every read through a per-pack mutex and a 16 MB delta-base cache, and a history walk
//! reads the oldest versions of each file first: the ends of the longest delta chains. On the cargo
//! history that made reading objects most of the scan's CPU time. Here each thread keeps its own
//! cache of resolved objects (the bases a chain passes through are the next versions the walk
//! reads), no lock is taken, and objects are inflated into buffers of their exact size.
//!
//! Only what is simple is handled: version 2 indexes of SHA-1 packs. Anything else (a loose object, an
//! object of an alternate, a pack this cannot parse, a damaged object) is `None`, and the caller asks
//! libgit2, which reports a real error where there is one.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use memmap2::Mmap;

/// Object kinds as pack files number them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Commit,
    Tree,
    Blob,
    Tag,
}

/// The packs of one object directory, mapped.
pub struct Packs {
    packs: Vec<Pack>,
    /// About how much of the packs reads have mapped (see `RELEASE_EVERY`).
    inflated: AtomicU64,
}

/// A history reads its whole pack, and every page of it read through the mapping stays resident in
/// the process (a 500 MB pack for git/git): each time about this much of it has been mapped, the pages
/// are let go (they stay in the page cache; the next read maps them again at the cost of a minor fault).
const RELEASE_EVERY: u64 = 64 << 20;
/// What one read maps at least: the page or two its compressed bytes lie in.
const PAGES_PER_READ: u64 = 64 << 10;

struct Pack {
    index: Mmap,
    data: Mmap,
    count: usize,
}

/// Objects resolved on the way to others (the bases of deltas), by pack and offset, bounded in bytes,
/// shared by the threads that read through it: the walk reads a file's oldest version first, which
/// resolves its newer versions as bases, and those are what the workers read next, whichever of them.
pub struct Cache {
    inner: Mutex<Cached>,
    limit: usize,
}

/// An object in the cache: its kind and contents.
type Entry = (Kind, Arc<Buf>);

#[derive(Default)]
struct Cached {
    objects: HashMap<(u32, u64), Entry>,
    order: VecDeque<(u32, u64)>,
    bytes: usize,
}

impl Cache {
    /// A cache that holds at most `limit` bytes of objects.
    pub fn new(limit: usize) -> Self {
        Cache { inner: Mutex::default(), limit }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cached> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The object at `key`; `take` removes it (an object read for itself is seldom needed again, but
    /// a base may be the base of several).
    fn get(&self, key: (u32, u64), take: bool) -> Option<Entry> {
        let mut c = self.lock();
        if !take {
            return c.objects.get(&key).cloned();
        }
        let found = c.objects.remove(&key)?;
        c.bytes -= found.1.len();
        Some(found)
    }

    fn put(&self, key: (u32, u64), kind: Kind, data: &Arc<Buf>) {
        // One object larger than a quarter of the cache would push out everything else.
        if data.len() > self.limit / 4 {
            return;
        }
        let mut c = self.lock();
        if c.objects.contains_key(&key) {
            return;
        }
        c.bytes += data.len();
        c.objects.insert(key, (kind, Arc::clone(data)));
        c.order.push_back(key);
        while c.bytes > self.limit {
            let Some(old) = c.order.pop_front() else { break };
            if let Some((_, d)) = c.objects.remove(&old) {
                c.bytes -= d.len();
            }
        }
    }
}

/// What a read gave.
pub enum Read {
    /// The object's kind and contents.
    Object(Kind, Arc<Buf>),
    /// Larger than the limit asked for: its size.
    TooLarge(u64),
}

const OBJ_OFS_DELTA: u8 = 6;
const OBJ_REF_DELTA: u8 = 7;
/// Longest delta chain followed here (git's default depth is 50). Resolution recurses, so a hostile
/// pack's chain of thousands must not reach the stack's end: a longer chain goes to libgit2.
const MAX_DEPTH: usize = 256;

impl Packs {
    /// The version 2 indexes in `objects/pack` of `git_dir` whose packs open; none is not an error.
    pub fn open(git_dir: &Path) -> Packs {
        let mut packs = Vec::new();
        let dir = git_dir.join("objects").join("pack");
        let Ok(entries) = std::fs::read_dir(&dir) else { return Packs { packs, inflated: AtomicU64::new(0) } };
        let mut idx: Vec<_> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "idx")).collect();
        idx.sort();
        for path in idx {
            if let Some(pack) = Pack::open(&path) {
                packs.push(pack);
            }
        }
        Packs { packs, inflated: AtomicU64::new(0) }
    }

    /// Counts what a read of `n` inflated bytes mapped (they compress to fewer, but a read maps whole
    /// pages), and lets the mapped pages go when enough have been.
    fn inflated(&self, n: usize) {
        let n = n as u64 + PAGES_PER_READ;
        let before = self.inflated.fetch_add(n, Ordering::Relaxed);
        if before / RELEASE_EVERY != (before + n) / RELEASE_EVERY {
            for pack in &self.packs {
                // SAFETY: MADV_DONTNEED on a read-only shared file mapping only drops this process's
                // page table entries; the next access maps the same file contents again.
                let _ = unsafe { pack.data.unchecked_advise(memmap2::UncheckedAdvice::DontNeed) };
            }
        }
    }

    /// Object `id` (20 bytes), unless it is larger than `max` bytes; `None` when it is not in these
    /// packs or cannot be read here.
    pub fn read(&self, id: &[u8], max: u64, cache: &Cache) -> Option<Read> {
        let (p, offset) = self.find(id)?;
        self.read_at(p, offset, max, cache, 0)
    }

    fn find(&self, id: &[u8]) -> Option<(u32, u64)> {
        self.packs.iter().enumerate().find_map(|(i, p)| p.offset_of(id).map(|o| (i as u32, o)))
    }

    fn read_at(&self, p: u32, offset: u64, max: u64, cache: &Cache, depth: usize) -> Option<Read> {
        if let Some((kind, data)) = cache.get((p, offset), depth == 0) {
            return Some(if data.len() as u64 > max {
                Read::TooLarge(data.len() as u64)
            } else {
                Read::Object(kind, data)
            });
        }
        if depth > MAX_DEPTH {
            return None;
        }
        let pack = &self.packs[p as usize];
        let (kind, size, mut at) = pack.entry_header(offset)?;
        let base = match kind {
            OBJ_OFS_DELTA => {
                let (distance, used) = ofs_distance(pack.data.get(at..)?)?;
                at += used;
                // A delta is its own base only in a damaged or hostile pack.
                Some((p, offset.checked_sub(distance).filter(|_| distance > 0)?))
            }
            OBJ_REF_DELTA => {
                let id = pack.data.get(at..at + 20)?;
                at += 20;
                Some(self.find(id)?)
            }
            _ => None,
        };
        let Some(base) = base else {
            if size > max {
                return Some(Read::TooLarge(size));
            }
            let kind = match kind {
                1 => Kind::Commit,
                2 => Kind::Tree,
                3 => Kind::Blob,
                4 => Kind::Tag,
                _ => return None,
            };
            self.inflated(size as usize);
            return Some(Read::Object(kind, Arc::new(inflate(pack.data.get(at..)?, size)?)));
        };
        let delta = inflate(pack.data.get(at..)?, size)?;
        self.inflated(delta.len());
        let (source_size, used_a) = varint(&delta)?;
        let (target_size, used_b) = varint(&delta[used_a..])?;
        if target_size > max {
            return Some(Read::TooLarge(target_size));
        }
        let Read::Object(kind, source) = self.read_at(base.0, base.1, u64::MAX, cache, depth + 1)? else {
            return None;
        };
        if source.len() as u64 != source_size {
            return None;
        }
        // Every object a chain passes through is kept: the walk reads the oldest versions first, and
        // the bases of their deltas are the newer versions it reads next.
        cache.put(base, kind, &source);
        let target = apply(&source, &delta[used_a + used_b..], target_size as usize)?;
        Some(Read::Object(kind, Arc::new(target)))
    }
}

impl Pack {
    fn open(idx_path: &Path) -> Option<Pack> {
        let open = |p: &Path| {
            let f = std::fs::File::open(p).ok()?;
            // SAFETY: pack files are written once and never modified in place (git writes a new pack
            // and renames it); a concurrent repack that deletes the file leaves the mapping valid.
            unsafe { Mmap::map(&f) }.ok()
        };
        let index = open(idx_path)?;
        let data = open(&idx_path.with_extension("pack"))?;
        // Objects are read in no order of place: map only the pages read, not the 64 KB around each.
        let _ = data.advise(memmap2::Advice::Random);
        if index.get(..8)? != b"\xfftOc\0\0\0\x02" || data.get(..4)? != b"PACK" {
            return None;
        }
        let count = be32(&index, 8 + 255 * 4)? as usize;
        // Fan-out, ids, CRCs, offsets and the two trailing checksums must fit.
        if index.len() < 8 + 256 * 4 + count * 28 + 40 {
            return None;
        }
        Some(Pack { index, data, count })
    }

    fn offset_of(&self, id: &[u8]) -> Option<u64> {
        let first = id[0] as usize;
        let lo = if first == 0 { 0 } else { be32(&self.index, 8 + (first - 1) * 4)? as usize };
        let hi = be32(&self.index, 8 + first * 4)? as usize;
        let ids = 8 + 256 * 4;
        let (mut lo, mut hi) = (lo, hi.min(self.count));
        while lo < hi {
            let mid = (lo + hi) / 2;
            let at = ids + mid * 20;
            match self.index.get(at..at + 20)?.cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.offset_at(mid),
            }
        }
        None
    }

    fn offset_at(&self, i: usize) -> Option<u64> {
        let offsets = 8 + 256 * 4 + self.count * 24;
        let small = be32(&self.index, offsets + i * 4)?;
        if small & 0x8000_0000 == 0 {
            return Some(u64::from(small));
        }
        let large = offsets + self.count * 4 + (small & 0x7fff_ffff) as usize * 8;
        let b = self.index.get(large..large + 8)?;
        Some(u64::from_be_bytes(b.try_into().ok()?))
    }

    /// An entry's type number, (inflated) size and where its data starts.
    fn entry_header(&self, offset: u64) -> Option<(u8, u64, usize)> {
        let mut at = usize::try_from(offset).ok()?;
        let mut c = *self.data.get(at)?;
        at += 1;
        let kind = (c >> 4) & 7;
        let mut size = u64::from(c & 15);
        let mut shift = 4;
        while c & 0x80 != 0 {
            c = *self.data.get(at)?;
            at += 1;
            if shift > 57 {
                return None;
            }
            size |= u64::from(c & 0x7f) << shift;
            shift += 7;
        }
        Some((kind, size, at))
    }
}

fn be32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// An OFS_DELTA's distance back to its base, and the bytes it took.
fn ofs_distance(data: &[u8]) -> Option<(u64, usize)> {
    let mut i = 0;
    let mut c = *data.first()?;
    let mut distance = u64::from(c & 0x7f);
    while c & 0x80 != 0 {
        i += 1;
        c = *data.get(i)?;
        distance = distance.checked_add(1)?.checked_mul(128)? | u64::from(c & 0x7f);
    }
    Some((distance, i + 1))
}

/// A delta header's size: little-endian groups of 7 bits.
fn varint(data: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, &b) in data.iter().enumerate().take(10) {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

/// The zlib stream at the start of `data`, which inflates to exactly `size` bytes.
fn inflate(data: &[u8], size: u64) -> Option<Buf> {
    let mut out = Buf::uninit(usize::try_from(size).ok()?)?;
    let (written, code) = zlib_rs::inflate::uncompress(out.spare(), data, zlib_rs::inflate::InflateConfig::default());
    let whole = code == zlib_rs::ReturnCode::Ok && written.len() as u64 == size;
    // SAFETY: zlib wrote all `size` bytes (checked just above).
    whole.then(|| unsafe { out.assume_init() })
}

/// `delta`'s instructions applied to `source`: copies from it and inserted bytes.
fn apply(source: &[u8], delta: &[u8], size: usize) -> Option<Buf> {
    let mut out = Buf::uninit(size)?;
    let mut at = 0;
    let spare = out.spare();
    let mut put = |bytes: &[u8]| -> Option<()> {
        let to = spare.get_mut(at..at + bytes.len())?;
        // SAFETY: `MaybeUninit<u8>` has the layout of `u8`, and `to` is as long as `bytes`.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), to.as_mut_ptr().cast::<u8>(), bytes.len()) };
        at += bytes.len();
        Some(())
    };
    let mut i = 0;
    while i < delta.len() {
        let cmd = delta[i];
        i += 1;
        if cmd & 0x80 != 0 {
            let mut field = |bits: u8, count: usize| -> Option<usize> {
                let mut v = 0usize;
                for k in 0..count {
                    if cmd & (bits << k) != 0 {
                        v |= usize::from(*delta.get(i)?) << (8 * k);
                        i += 1;
                    }
                }
                Some(v)
            };
            let offset = field(0x01, 4)?;
            let len = match field(0x10, 3)? {
                0 => 0x10000,
                n => n,
            };
            put(source.get(offset..offset.checked_add(len)?)?)?;
        } else if cmd != 0 {
            let n = usize::from(cmd);
            put(delta.get(i..i + n)?)?;
            i += n;
        } else {
            return None;
        }
    }
    // SAFETY: the instructions wrote `at` bytes in order from the start, and that is all `size`.
    (at == size).then(|| unsafe { out.assume_init() })
}

/// Object contents in memory from the system allocator, not the global one (and not zeroed first:
/// they are written whole before they are read). Objects come in every
/// size and are mostly freed on another thread than the one that read them (a worker's memo, the
/// shared cache); under mimalloc that left hundreds of MB of partly used pages on a large history
/// (git/git: 880 MB peak RSS for 150 MB of live data).
pub struct Buf {
    ptr: std::ptr::NonNull<u8>,
    len: usize,
}

/// A `Buf` being written: its bytes are not initialized until `assume_init`.
struct Unwritten(Buf);

impl Unwritten {
    /// The bytes to write.
    fn spare(&mut self) -> &mut [std::mem::MaybeUninit<u8>] {
        // SAFETY: `ptr` points to `len` bytes this buffer owns; `MaybeUninit` makes no claim on them.
        unsafe { std::slice::from_raw_parts_mut(self.0.ptr.as_ptr().cast(), self.0.len) }
    }

    /// # Safety
    /// Every byte has been written.
    unsafe fn assume_init(self) -> Buf {
        self.0
    }
}

// SAFETY: `Buf` owns its allocation like a `Box<[u8]>`.
unsafe impl Send for Buf {}
// SAFETY: as above; shared access is read-only.
unsafe impl Sync for Buf {}

impl Buf {
    /// Room for `len` bytes, to be written; none when the allocation fails.
    fn uninit(len: usize) -> Option<Unwritten> {
        if len == 0 {
            return Some(Unwritten(Buf { ptr: std::ptr::NonNull::dangling(), len }));
        }
        let layout = std::alloc::Layout::from_size_align(len, 1).ok()?;
        // SAFETY: `layout` has a non-zero size.
        let ptr = unsafe { std::alloc::GlobalAlloc::alloc(&std::alloc::System, layout) };
        std::ptr::NonNull::new(ptr).map(|ptr| Unwritten(Buf { ptr, len }))
    }

    /// A copy of `bytes`.
    pub fn copy_of(bytes: &[u8]) -> Option<Buf> {
        let mut b = Buf::uninit(bytes.len())?;
        // SAFETY: `MaybeUninit<u8>` has the layout of `u8`; all `len` bytes are written.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), b.spare().as_mut_ptr().cast::<u8>(), bytes.len());
            Some(b.assume_init())
        }
    }

    /// The contents.
    pub fn as_slice(&self) -> &[u8] {
        self
    }
}

impl std::ops::Deref for Buf {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // SAFETY: `ptr` points to `len` initialized bytes this `Buf` owns (or dangles with `len` 0).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl AsRef<[u8]> for Buf {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl Drop for Buf {
    fn drop(&mut self) {
        if self.len > 0 {
            // SAFETY: allocated in `uninit` by the system allocator with this layout.
            unsafe {
                let layout = std::alloc::Layout::from_size_align_unchecked(self.len, 1);
                std::alloc::GlobalAlloc::dealloc(&std::alloc::System, self.ptr.as_ptr(), layout);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    /// A repository whose files changed a little in each of many commits, repacked with deep delta
    /// chains: by offset (`OFS_DELTA`) or by base id (`REF_DELTA`).
    fn repacked(by_offset: bool) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| {
            let ok = Command::new("git")
                .args(["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"])
                .args(args)
                .current_dir(dir.path())
                .output()
                .unwrap();
            assert!(ok.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&ok.stderr));
        };
        git(&["init", "-q"]);
        let mut text = String::new();
        for i in 0..60 {
            text.insert_str(text.len() / 2, &format!("line {i}: a file that changes a little in every commit\n"));
            std::fs::write(dir.path().join("a.txt"), &text).unwrap();
            std::fs::write(dir.path().join("b.txt"), text.repeat(3)).unwrap();
            git(&["add", "-A"]);
            git(&["commit", "-q", "-m", &format!("change {i}")]);
        }
        let offsets = format!("repack.useDeltaBaseOffset={by_offset}");
        git(&["-c", &offsets, "repack", "-adfq", "--depth=50", "--window=50"]);
        dir
    }

    #[test]
    fn every_object_reads_as_libgit2_reads_it() {
        for by_offset in [true, false] {
            let dir = repacked(by_offset);
            let repo = git2::Repository::open(dir.path()).unwrap();
            let odb = repo.odb().unwrap();
            let packs = Packs::open(&dir.path().join(".git"));
            // A small cache: chains are resolved again once their bases are pushed out.
            let cache = Cache::new(64 << 10);
            let (mut read, mut deltas) = (0, 0);
            odb.foreach(|id| {
                let want = odb.read(*id).unwrap();
                let Some(Read::Object(kind, data)) = packs.read(id.as_bytes(), u64::MAX, &cache) else {
                    panic!("{id} not read from the pack");
                };
                assert_eq!(data.as_slice(), want.data(), "{id}");
                let kinds = [(Kind::Commit, git2::ObjectType::Commit), (Kind::Tree, git2::ObjectType::Tree)];
                let blob = (Kind::Blob, git2::ObjectType::Blob);
                assert!(kinds.iter().chain([&blob]).any(|&(k, t)| k == kind && t == want.kind()), "{id}");
                let (p, offset) = packs.find(id.as_bytes()).unwrap();
                deltas += usize::from(packs.packs[p as usize].entry_header(offset).unwrap().0 >= OBJ_OFS_DELTA);
                read += 1;
                // Over a limit, only the size is told.
                if want.len() > 10 {
                    let over = packs.read(id.as_bytes(), want.len() as u64 - 1, &cache);
                    assert!(matches!(over, Some(Read::TooLarge(n)) if n == want.len() as u64), "{id}");
                }
                true
            })
            .unwrap();
            assert_eq!(read, 240, "60 commits, each with its tree and two blobs");
            assert!(deltas > 100, "only {deltas} deltas: the test reads whole objects");
            assert!(packs.read(&[0xab; 20], u64::MAX, &cache).is_none(), "an id in no pack");
        }
    }

    /// A pack of one object, an OFS_DELTA whose base is itself, with its index: not resolved (no
    /// endless recursion), so the caller asks libgit2, which reports the object as damaged.
    #[test]
    fn a_delta_that_is_its_own_base_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let pack_dir = dir.path().join("objects/pack");
        std::fs::create_dir_all(&pack_dir).unwrap();
        let id = [0x42u8; 20];
        // Header, then the entry at offset 12: type 6 (OFS_DELTA), size 5, distance 0.
        let mut pack = b"PACK\0\0\0\x02\0\0\0\x01".to_vec();
        pack.extend([0x65, 0x00]);
        pack.extend(b"xx");
        let mut idx = b"\xfftOc\0\0\0\x02".to_vec();
        for i in 0..256u32 {
            idx.extend(u32::from(i >= 0x42).to_be_bytes());
        }
        idx.extend(id);
        idx.extend([0; 4]);
        idx.extend(12u32.to_be_bytes());
        idx.extend([0; 40]);
        std::fs::write(pack_dir.join("pack-x.pack"), &pack).unwrap();
        std::fs::write(pack_dir.join("pack-x.idx"), &idx).unwrap();
        let packs = Packs::open(dir.path());
        assert_eq!(packs.find(&id), Some((0, 12)), "the index is read");
        assert!(packs.read(&id, u64::MAX, &Cache::new(1 << 20)).is_none());
    }

    #[test]
    fn deltas_copy_and_insert() {
        // Copy 5 bytes from offset 6, insert "!!", copy the first 5.
        let delta = [0x91, 6, 5, 2, b'!', b'!', 0x90, 5];
        assert_eq!(apply(b"hello world", &delta, 12).unwrap().as_slice(), b"world!!hello");
        assert!(apply(b"hello", &delta, 12).is_none(), "a copy past the source's end");
        assert!(apply(b"hello world", &[0], 0).is_none(), "instruction 0 is reserved");
        assert_eq!(varint(&[0x91, 0x01]), Some((145, 2)));
        assert_eq!(ofs_distance(&[0x81, 0x00]), Some((256, 2)));
    }
}
