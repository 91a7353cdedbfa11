//! `Organization`: an organization login, checked against GitHub's rules before any request.

use std::fmt;

/// A valid organization login: 1-39 ASCII letters, digits and single hyphens, not starting or
/// ending with a hyphen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organization(String);

pub const MAX_LEN: usize = 39;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrganizationError {
    Empty,
    TooLong(usize),
    Space,
    /// A `/` or `:`, which means a URL or path was pasted instead of a name.
    PathOrUrl,
    InvalidChar(char),
    LeadingHyphen,
    TrailingHyphen,
    DoubleHyphen,
}

impl Organization {
    /// Surrounding white space (a paste artefact) is dropped; everything else must be valid as is.
    pub fn parse(input: &str) -> Result<Self, OrganizationError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(OrganizationError::Empty);
        }
        if let Some(c) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
            // A path is told as such even where a character before its first slash (the dot of
            // `github.com/octo-org`) would be refused on its own.
            return Err(match c {
                c if c.is_whitespace() => OrganizationError::Space,
                _ if name.contains(['/', ':', '\\']) => OrganizationError::PathOrUrl,
                c => OrganizationError::InvalidChar(c),
            });
        }
        if name.len() > MAX_LEN {
            return Err(OrganizationError::TooLong(name.len()));
        }
        if name.starts_with('-') {
            return Err(OrganizationError::LeadingHyphen);
        }
        if name.ends_with('-') {
            return Err(OrganizationError::TrailingHyphen);
        }
        if name.contains("--") {
            return Err(OrganizationError::DoubleHyphen);
        }
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Organization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for OrganizationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter the organization's name, as in github.com/NAME."),
            Self::TooLong(n) => write!(
                f,
                "An organization name has at most {MAX_LEN} characters; this one has {n}."
            ),
            Self::Space => f.write_str("Organization names contain no spaces."),
            Self::PathOrUrl => f.write_str(
                "Enter just the organization's name (the part after github.com/), not a URL or path.",
            ),
            Self::InvalidChar(c) if c.is_ascii() => write!(
                f,
                "\u{201c}{c}\u{201d} cannot appear in an organization name: use letters, digits and single hyphens."
            ),
            Self::InvalidChar(c) => write!(
                f,
                "\u{201c}{c}\u{201d} (U+{:04X}) is not a plain ASCII letter or digit; organization names use only a-z, 0-9 and hyphens. Retype the name rather than pasting it.",
                *c as u32
            ),
            Self::LeadingHyphen => f.write_str("An organization name cannot start with a hyphen."),
            Self::TrailingHyphen => f.write_str("An organization name cannot end with a hyphen."),
            Self::DoubleHyphen => {
                f.write_str("An organization name cannot contain two hyphens in a row.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_valid_logins_and_trims_surrounding_space() {
        for ok in ["a", "octo-org", "Octo-Org-2", "x1-y2-z3", &"a".repeat(39)] {
            assert_eq!(Organization::parse(ok).unwrap().as_str(), ok);
        }
        assert_eq!(Organization::parse("  octo-org\n").unwrap().as_str(), "octo-org");
    }

    #[test]
    fn rejects_each_rule_with_its_own_reason() {
        use OrganizationError::*;
        let cases: &[(&str, OrganizationError)] = &[
            ("", Empty),
            ("   ", Empty),
            (&"a".repeat(40), TooLong(40)),
            ("octo org", Space),
            ("octo\torg", Space),
            ("https://github.com/octo-org", PathOrUrl),
            ("octo/../admin", PathOrUrl),
            ("github.com/octo-org", PathOrUrl),
            ("ghe.example.com:8443/octo-org", PathOrUrl),
            ("..", InvalidChar('.')),
            ("octo%2Forg", InvalidChar('%')),
            ("octo_org", InvalidChar('_')),
            ("\u{043e}cto", InvalidChar('\u{043e}')),
            ("-octo", LeadingHyphen),
            ("octo-", TrailingHyphen),
            ("octo--org", DoubleHyphen),
        ];
        for (input, want) in cases {
            assert_eq!(Organization::parse(input).as_ref(), Err(want), "input {input:?}");
        }
    }

    #[test]
    fn lookalike_message_names_the_code_point() {
        let err = Organization::parse("\u{043e}cto").unwrap_err();
        assert!(err.to_string().contains("U+043E"), "{err}");
    }

    proptest! {
        #[test]
        fn accepted_names_are_always_safe_in_a_url_path(s in "\\PC{0,60}") {
            if let Ok(org) = Organization::parse(&s) {
                let n = org.as_str();
                prop_assert!((1..=MAX_LEN).contains(&n.len()));
                prop_assert!(n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
                prop_assert!(!n.starts_with('-') && !n.ends_with('-') && !n.contains("--"));
            }
        }
    }
}
