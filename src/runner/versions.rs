//! Runner versions: which runners are behind the version a scope's downloads answer names
//! (GitHub refuses runners that fall too far behind), compared numerically (`2.99.0` is older
//! than `2.336.0`).

use std::cmp::Ordering;

/// `2.336.0` as numbers; `None` for text that is not dotted digits.
fn parts(version: &str) -> Option<Vec<u32>> {
    let v = version.trim().trim_start_matches('v');
    if v.is_empty() {
        return None;
    }
    v.split('.').map(|p| p.parse().ok()).collect()
}

/// Orders two versions numerically, `None` when either is not a version.
pub fn compare(a: &str, b: &str) -> Option<Ordering> {
    let (a, b) = (parts(a)?, parts(b)?);
    let n = a.len().max(b.len());
    let at = |v: &[u32], i: usize| v.get(i).copied().unwrap_or(0);
    Some(
        (0..n)
            .map(|i| at(&a, i).cmp(&at(&b, i)))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal),
    )
}

/// Whether a runner on `version` is behind `current`. A runner that never connected (no
/// version) or a version that cannot be read is not called outdated.
pub fn is_outdated(version: Option<&str>, current: Option<&str>) -> bool {
    match (version, current) {
        (Some(v), Some(c)) => compare(v, c) == Some(Ordering::Less),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn versions_compare_as_numbers_not_text() {
        assert_eq!(compare("2.99.0", "2.336.0"), Some(Ordering::Less));
        assert_eq!(compare("v2.336.0", "2.336"), Some(Ordering::Equal));
        assert_eq!(compare("3.0.0", "2.999.9"), Some(Ordering::Greater));
        assert_eq!(compare("2.x", "2.336.0"), None);
        assert!(is_outdated(Some("2.320.0"), Some("2.336.0")));
        assert!(!is_outdated(Some("2.336.0"), Some("2.336.0")));
        assert!(!is_outdated(None, Some("2.336.0")), "never connected is not outdated");
        assert!(!is_outdated(Some("2.320.0"), None), "nothing to compare with");
    }

    proptest! {
        #[test]
        fn comparing_never_panics_and_is_antisymmetric(a in "\\PC{0,12}", b in "[0-9.v]{0,12}") {
            if let (Some(x), Some(y)) = (compare(&a, &b), compare(&b, &a)) {
                prop_assert_eq!(x, y.reverse());
            }
        }
    }
}
