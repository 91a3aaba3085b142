//! A commit's provenance as reports show it (author, RFC 3339 date, summary).

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
    fn dates_are_rfc3339() {
        assert_eq!(super::rfc3339(git2::Time::new(0, 0)), "1970-01-01T00:00:00+00:00");
        assert_eq!(super::rfc3339(git2::Time::new(1_700_000_000, 120)), "2023-11-15T00:13:20+02:00");
        assert_eq!(super::rfc3339(git2::Time::new(951_782_400, -300)), "2000-02-28T19:00:00-05:00");
    }
}
