//! Shell quoting: every value that reaches a command line goes through here.

/// Quotes `value` for a POSIX shell so it arrives as exactly one argument, byte for byte.
/// Plain words stay unquoted for readability. NUL cannot be passed in an argument at all.
///
/// Inside single quotes a POSIX shell expands nothing; a single quote itself is written as
/// `'\''` (close, escaped quote, reopen). Plain means only characters no shell treats specially
/// in an argument (no `~`, which expands at a word's start).
pub fn posix(value: &str) -> Option<String> {
    if value.contains('\0') {
        return None;
    }
    let plain = !value.is_empty() && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"_@%+=:,./-".contains(&b));
    Some(if plain { value.to_string() } else { format!("'{}'", value.replace('\'', "'\\''")) })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Runs `command` (which starts with `./config.sh`) in a real `sh`, with a stand-in
    /// `config.sh` that prints each argument it received, NUL-terminated.
    pub(crate) fn run_in_sh(command: &str) -> Vec<String> {
        let script = format!("config_sh() {{ for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }}\n{}",
            command.replacen("./config.sh", "config_sh", 1));
        let out = std::process::Command::new("sh").arg("-c").arg(script).output().expect("sh runs");
        assert!(out.status.success(), "sh failed: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).expect("utf-8 argv");
        text.split_terminator('\0').map(str::to_string).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_value_arrives_in_sh_byte_for_byte(v in "[^\\x00]{0,40}") {
            let quoted = posix(&v).unwrap();
            prop_assert_eq!(run_in_sh(&format!("./config.sh --token {quoted}")), vec!["--token".to_string(), v]);
        }
    }

    #[test]
    fn plain_words_stay_readable_and_the_rest_is_quoted() {
        assert_eq!(posix("https://github.com/octo-org").unwrap(), "https://github.com/octo-org");
        assert_eq!(posix("AABBCC123").unwrap(), "AABBCC123");
        assert_ne!(posix("a b").unwrap(), "a b");
        assert_ne!(posix("$(rm -rf ~)").unwrap(), "$(rm -rf ~)");
        assert_eq!(posix("a\0b"), None);
        assert_eq!(posix("").unwrap(), "''");
        assert_eq!(posix("it's").unwrap(), "'it'\\''s'");
        assert_eq!(posix("~root").unwrap(), "'~root'");
    }
}
