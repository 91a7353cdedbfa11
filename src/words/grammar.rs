//! The small grammar every sentence needs: numbers with thousands separators, a noun that
//! agrees with its count ("1 runner", "2 runners"), and the possessive of a name ("Linux
//! builders'", "Default's"). The sentences themselves live in the other `words` modules.

/// `1204` → `1,204`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `one` when `n` is 1, else `many`: English counts zero as plural ("0 runners").
pub fn plural<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// "1 runner", "0 runners", "1,204 runners".
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), plural(n, one, many))
}

/// "Default's", "Linux builders'": a name ending in s (either case) takes only the apostrophe,
/// as a plural noun does. Trailing spaces are dropped first so the apostrophe meets the name;
/// an empty name owns nothing and stays empty.
pub fn possessive(name: &str) -> String {
    let name = name.trim_end();
    if name.is_empty() {
        String::new()
    } else if name.ends_with(['s', 'S']) {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_count_agrees_with_its_noun_and_separates_thousands() {
        assert_eq!(count(0, "runner", "runners"), "0 runners");
        assert_eq!(count(1, "runner", "runners"), "1 runner");
        assert_eq!(count(2, "runner", "runners"), "2 runners");
        assert_eq!(count(1_000, "runner", "runners"), "1,000 runners");
        assert_eq!(count(1_204, "repository", "repositories"), "1,204 repositories");
        assert_eq!(count(1_000_001, "second", "seconds"), "1,000,001 seconds");
        assert_eq!(plural(1, "is", "are"), "is");
        assert_eq!(plural(0, "is", "are"), "are");
    }

    #[test]
    fn thousands_are_separated_by_commas() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn a_name_ending_in_s_takes_only_the_apostrophe() {
        assert_eq!(possessive("Linux builders"), "Linux builders'");
        assert_eq!(possessive("GPUS"), "GPUS'");
        assert_eq!(possessive("Default"), "Default's");
        assert_eq!(possessive("build-7"), "build-7's");
        assert_eq!(possessive("Linux builders  "), "Linux builders'");
        assert_eq!(possessive("Default "), "Default's");
        assert_eq!(possessive("\u{201c}ops\u{201d}"), "\u{201c}ops\u{201d}'s");
        assert_eq!(possessive(""), "");
        assert_eq!(possessive("   "), "");
    }

    proptest! {
        #[test]
        fn a_count_reads_back_as_its_number_and_a_noun_that_agrees(n in any::<u64>()) {
            let said = count(n, "runner", "runners");
            let (number, noun) = said.split_once(' ').unwrap();
            prop_assert_eq!(number.replace(',', "").parse::<u64>().unwrap(), n);
            prop_assert_eq!(noun == "runner", n == 1);
        }

        #[test]
        fn a_possessive_keeps_the_name_and_adds_one_apostrophe(name in "[A-Za-z0-9 ._-]{1,20}") {
            let trimmed = name.trim_end();
            let said = possessive(&name);
            prop_assume!(!trimmed.is_empty());
            let rest = said.strip_prefix(trimmed).unwrap();
            let expected = if trimmed.ends_with(['s', 'S']) { "'" } else { "'s" };
            prop_assert_eq!(rest, expected);
        }
    }
}
