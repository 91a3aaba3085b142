//! Commits and annotated tags as reports show their provenance (id, author or tagger, RFC 3339 date,
//! summary), read through libgit2 or parsed from the raw object.

use git2::Commit;

use crate::finding::CommitInfo;

pub(crate) fn commit_info(c: &Commit<'_>) -> CommitInfo {
    let a = c.author();
    CommitInfo {
        sha: c.id().to_string(),
        author_name: String::from_utf8_lossy(a.name_bytes()).into_owned(),
        author_email: String::from_utf8_lossy(a.email_bytes()).into_owned(),
        date: rfc3339(a.when()),
        summary: String::from_utf8_lossy(c.summary_bytes().unwrap_or_default()).into_owned(),
    }
}

/// A raw commit (or annotated tag) object, parsed: headers up to the first blank line, then the message.
pub(crate) struct RawObject<'a> {
    /// The `tree` header of a commit.
    pub tree: Option<git2::Oid>,
    /// The `parent` headers of a commit.
    pub parents: Vec<git2::Oid>,
    /// The `tag` header of an annotated tag (its name).
    pub tag: Option<&'a [u8]>,
    /// The author (commit) or tagger (tag) line after its keyword: `Name <email> 1700000000 +0100`.
    pub person: Option<&'a [u8]>,
    /// The committer's (or tagger's) seconds since the epoch, for ordering.
    pub time: i64,
    /// Everything after the headers.
    pub message: &'a [u8],
}

/// Parses a raw commit or tag object. Headers that span lines (`gpgsig`, `mergetag`) continue with a
/// space and are skipped; unknown headers are ignored.
pub(crate) fn parse_raw(data: &[u8]) -> RawObject<'_> {
    let mut raw = RawObject { tree: None, parents: Vec::new(), tag: None, person: None, time: 0, message: &[] };
    let mut rest = data;
    while !rest.is_empty() {
        let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        let line = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or_default();
        if line.is_empty() {
            raw.message = rest;
            break;
        }
        let (key, value) = match memchr::memchr(b' ', line) {
            Some(i) => (&line[..i], &line[i + 1..]),
            None => (line, &line[line.len()..]),
        };
        match key {
            b"tree" => raw.tree = std::str::from_utf8(value).ok().and_then(|h| git2::Oid::from_str(h).ok()),
            b"parent" => raw.parents.extend(std::str::from_utf8(value).ok().and_then(|h| git2::Oid::from_str(h).ok())),
            b"tag" => raw.tag = Some(value),
            b"author" | b"tagger" if raw.person.is_none() => {
                raw.person = Some(value);
                raw.time = person_time(value).0;
            }
            b"committer" | b"tagger" => raw.time = person_time(value).0,
            _ => {}
        }
    }
    raw
}

/// Seconds and offset in minutes from the end of a person line (`… <e> 1700000000 +0130`).
fn person_time(person: &[u8]) -> (i64, i32) {
    let after_email = memchr::memrchr(b'>', person).map_or(person, |i| &person[i + 1..]);
    let text = String::from_utf8_lossy(after_email);
    let mut parts = text.split_whitespace();
    let secs = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let offset = parts
        .next()
        .and_then(|z| {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let digits = z.trim_start_matches(['+', '-']);
            let n: i32 = digits.parse().ok()?;
            Some(sign * (n / 100 * 60 + n % 100))
        })
        .unwrap_or(0);
    (secs, offset)
}

/// Provenance from a raw commit or tag: `id` is the object's id, the person its author or tagger.
pub(crate) fn raw_info(id: git2::Oid, raw: &RawObject<'_>) -> CommitInfo {
    let person = raw.person.unwrap_or_default();
    let (name, email) = match (memchr::memchr(b'<', person), memchr::memrchr(b'>', person)) {
        (Some(l), Some(r)) if l < r => (person[..l].trim_ascii(), &person[l + 1..r]),
        _ => (person, &person[person.len()..]),
    };
    let (secs, offset) = person_time(person);
    CommitInfo {
        sha: id.to_string(),
        author_name: String::from_utf8_lossy(name).into_owned(),
        author_email: String::from_utf8_lossy(email).into_owned(),
        date: rfc3339(git2::Time::new(secs, offset)),
        summary: summary(raw.message),
    }
}

/// The first paragraph of a message on one line, as `git log --format=%s` shows it.
fn summary(message: &[u8]) -> String {
    let text = String::from_utf8_lossy(message);
    let mut out = String::new();
    for line in text.lines().map(str::trim).skip_while(|l| l.is_empty()) {
        if line.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// `2024-05-01T12:34:56+02:00` from a git timestamp (seconds + offset), without a date crate.
fn rfc3339(t: git2::Time) -> String {
    let offset = t.offset_minutes() as i64;
    let secs = t.seconds() + offset * 60;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        offset.abs() / 60,
        offset.abs() % 60
    )
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar (H. Hinnant).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn raw_commits_parse_like_libgit2() {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        let sig = git2::Signature::new("Ann Example", "ann@example.com", &git2::Time::new(1_700_000_000, -90)).unwrap();
        let tree = repo.treebuilder(None).unwrap().write().unwrap();
        let tree = repo.find_tree(tree).unwrap();
        let message = "\nFirst line\n  continues\n\nBody with a token\n";
        let id = repo.commit(None, &sig, &sig, message, &tree, &[]).unwrap();
        let commit = repo.find_commit(id).unwrap();
        let odb = repo.odb().unwrap();
        let object = odb.read(id).unwrap();
        let raw = super::parse_raw(object.data());
        assert_eq!(raw.tree, Some(tree.id()));
        assert_eq!(raw.message, commit.message_raw_bytes());
        assert_eq!(raw.time, 1_700_000_000);
        let ours = super::raw_info(id, &raw);
        let theirs = super::commit_info(&commit);
        assert_eq!(
            (ours.sha, ours.author_name, ours.author_email, ours.date, ours.summary),
            (theirs.sha, theirs.author_name, theirs.author_email, theirs.date, theirs.summary)
        );
    }

    #[test]
    fn dates_are_rfc3339() {
        assert_eq!(super::rfc3339(git2::Time::new(0, 0)), "1970-01-01T00:00:00+00:00");
        assert_eq!(super::rfc3339(git2::Time::new(1_700_000_000, 120)), "2023-11-15T00:13:20+02:00");
        assert_eq!(super::rfc3339(git2::Time::new(951_782_400, -300)), "2000-02-28T19:00:00-05:00");
    }
}
