//! `Secret`: a string that never prints itself, so no log line or panic message can leak it.

use std::fmt;

/// A secret value. `Debug` and `Display` print a mask; only [`Secret::expose`] yields the text.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The real value, for the one place that must send or copy it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The mask shown on screen in place of the value: same length class, no content.
    pub fn masked(&self) -> String {
        MASK.to_string()
    }
}

/// Fixed-length, so the mask does not even reveal the secret's length.
pub const MASK: &str = "••••••••••••••••••••";

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(")?;
        f.write_str(MASK)?;
        f.write_str(")")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = Secret::new("ghp_supersecret");
        assert!(!format!("{s:?}").contains("supersecret"));
        assert!(!format!("{s}").contains("supersecret"));
        assert!(!format!("{:?}", Some(&s)).contains("supersecret"));
        assert_eq!(s.expose(), "ghp_supersecret");
    }
}
