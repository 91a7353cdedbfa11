//! Quoting: every value that reaches a command line (POSIX shell, PowerShell) or a YAML
//! document (cloud-init, a workflow's runs-on) goes through here.

use std::fmt::Write;

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
    let plain = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_@%+=:,./-".contains(&b));
    Some(if plain {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    })
}

/// [`posix`] for a value validated free of NUL; an impossible NUL becomes an empty argument.
pub fn posix_arg(value: &str) -> String {
    posix(value).unwrap_or_else(|| "''".to_string())
}

/// Quotes `value` as a PowerShell string literal that expands nothing: inside single quotes
/// PowerShell expands no `$` and no backtick; a single quote is doubled. PowerShell also reads
/// the typographic quotes U+2018, U+2019, U+201A and U+201B as single quotes, so those are
/// doubled too. Plain words stay unquoted.
pub fn powershell(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_./:\\-".contains(&b));
    if plain {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// `value` as a YAML double-quoted scalar: every character kept, escapes for the rest.
/// Controls, line and paragraph separators, the BOM and non-characters are escaped, so the text
/// survives any YAML reader and any copy and paste.
pub fn yaml(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}') => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn yaml_double_quoting_keeps_every_character() {
        let text = "a\"b\\c\nd\te\u{7}f\u{2028}é'$(x)";
        let back: String = serde_yaml::from_str(&yaml(text)).unwrap();
        assert_eq!(back, text);
    }
    use proptest::prelude::*;

    /// Runs `command` (which starts with `./config.sh`) in a real `sh`, with a stand-in
    /// `config.sh` that prints each argument it received, NUL-terminated.
    pub(crate) fn run_in_sh(command: &str) -> Vec<String> {
        let script = format!(
            "config_sh() {{ for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }}\n{}",
            command.replacen("./config.sh", "config_sh", 1)
        );
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .output()
            .expect("sh runs");
        assert!(
            out.status.success(),
            "sh failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("utf-8 argv");
        text.split_terminator('\0').map(str::to_string).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Any text but NUL (newlines, quotes, `$`, backticks, unicode, leading dashes included).
        #[test]
        fn any_value_arrives_in_sh_byte_for_byte(v in "[^\\x00]{0,40}") {
            let quoted = posix(&v).unwrap();
            prop_assert_eq!(run_in_sh(&format!("./config.sh --token {quoted}")), vec!["--token".to_string(), v]);
        }
    }

    #[test]
    fn plain_words_stay_readable_and_the_rest_is_quoted() {
        assert_eq!(
            posix("https://github.com/octo-org").unwrap(),
            "https://github.com/octo-org"
        );
        assert_eq!(posix("AABBCC123").unwrap(), "AABBCC123");
        assert_ne!(posix("a b").unwrap(), "a b");
        assert_ne!(posix("$(rm -rf ~)").unwrap(), "$(rm -rf ~)");
        assert_eq!(posix("a\0b"), None);
        assert_eq!(posix("").unwrap(), "''");
        assert_eq!(posix("it's").unwrap(), "'it'\\''s'");
        assert_eq!(posix("~root").unwrap(), "'~root'");
    }

    #[test]
    fn powershell_literals_expand_nothing() {
        assert_eq!(powershell("build-01"), "build-01");
        assert_eq!(powershell("D:\\runner\\_work"), "D:\\runner\\_work");
        assert_eq!(powershell("it's"), "'it''s'");
        assert_eq!(powershell("$env:PATH"), "'$env:PATH'");
        assert_eq!(powershell("`whoami`"), "'`whoami`'");
        assert_eq!(
            powershell("a; Remove-Item -Recurse C:\\"),
            "'a; Remove-Item -Recurse C:\\'"
        );
        assert_eq!(powershell("--%"), "'--%'");
        assert_eq!(powershell("\u{2018}x\u{2019}"), "'\u{2018}\u{2018}x\u{2019}\u{2019}'");
        assert_eq!(powershell(""), "''");
        assert_eq!(powershell("@(1) $(2) {3} #4"), "'@(1) $(2) {3} #4'");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The PowerShell tokenizer rule for a single-quoted string: it ends at the first single
        /// quote (of any of the four kinds) that is not doubled. Decoding by that rule must give
        /// back the value, and nothing may follow the closing quote.
        #[test]
        fn powershell_quoting_round_trips(v in "\\PC{0,40}") {
            let q = powershell(&v);
            prop_assert_eq!(decode_powershell(&q), Some(v));
        }
    }

    fn decode_powershell(q: &str) -> Option<String> {
        let is_quote = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}');
        let mut chars = q.chars().peekable();
        if chars.peek().is_some_and(|c| *c != '\'') {
            // A plain word: only characters PowerShell passes through untouched.
            return q
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_./:\\-".contains(c))
                .then(|| q.to_string());
        }
        chars.next();
        let mut out = String::new();
        while let Some(c) = chars.next() {
            if is_quote(c) {
                match chars.peek() {
                    Some(&n) if is_quote(n) => {
                        out.push(n);
                        chars.next();
                    }
                    _ => return chars.next().is_none().then_some(out),
                }
            } else {
                out.push(c);
            }
        }
        None
    }
}
